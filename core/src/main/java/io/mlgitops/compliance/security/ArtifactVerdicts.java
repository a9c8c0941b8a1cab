package io.mlgitops.compliance.security;

import io.mlgitops.compliance.Finding;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.security.ImportPolicy.Verdict;
import io.mlgitops.inference.OnnxExternalData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges a scanned model folder: one finding per failing import of each file (keyed {@code module.name}), per file
 * that could not be scanned (keyed by its path) and per ONNX external-data location that leaves the folder or is
 * missing (keyed by the location); and the evidence behind them.
 */
final class ArtifactVerdicts {
    private final ImportPolicy policy;
    private final List<Finding> findings = new ArrayList<>();
    private final List<Map<String, Object>> failingImports = new ArrayList<>();
    private final List<Map<String, Object>> unscannable = new ArrayList<>();
    private final List<Map<String, Object>> externalData = new ArrayList<>();

    private ArtifactVerdicts(final ImportPolicy policy) {
        this.policy = policy;
    }

    static RuleCheck judge(final ModelFolderScan scan, final ImportPolicy policy) {
        ArtifactVerdicts verdicts = new ArtifactVerdicts(policy);
        List<Map<String, Object>> scanned = new ArrayList<>();
        Set<String> imports = new LinkedHashSet<>();
        for (ScannedArtifact artifact : scan.artifacts()) {
            scanned.add(verdicts.judge(artifact));
            artifact.imports().forEach(global -> imports.add(global.key()));
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("modelDirectory", scan.folder().toString());
        evidence.put("filesScanned", scan.scanned());
        evidence.put("filesSkipped", scan.skipped());
        evidence.put("distinctImports", imports.size());
        evidence.put("scanned", scanned);
        evidence.put("failingImports", verdicts.failingImports);
        evidence.put("unscannable", verdicts.unscannable);
        evidence.put("externalDataProblems", verdicts.externalData);
        String passed = String.format("Scanned %d model files in %s (%d skipped): all %d distinct imports are "
                + "allowed and no ONNX external data leaves the folder.", scan.scanned(), scan.folder(),
                scan.skipped(), imports.size());
        String failed = String.format("The model files in %s fail the scan: %d imports that are dangerous, unknown "
                + "or not allowed, %d files that cannot be scanned, %d refused ONNX external-data locations (%d "
                + "files scanned, %d skipped).", scan.folder(), verdicts.failingImports.size(),
                verdicts.unscannable.size(), verdicts.externalData.size(), scan.scanned(), scan.skipped());
        return RuleCheck.of(verdicts.findings, passed, failed, evidence);
    }

    private Map<String, Object> judge(final ScannedArtifact artifact) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("file", artifact.file());
        entry.put("kind", artifact.kind());
        if (!artifact.externalData().isEmpty()) {
            entry.put("externalData", artifact.externalData().stream().map(OnnxExternalData.Tensor::location)
                    .distinct().toList());
        }
        else {
            entry.put("imports", artifact.imports().stream().map(PickleGlobal::key).toList());
        }
        artifact.imports().forEach(global -> judge(artifact.file(), global));
        artifact.externalData().stream().filter(tensor -> !tensor.problem().isEmpty())
                .forEach(tensor -> refused(artifact.file(), tensor));
        if (!artifact.problem().isEmpty()) {
            entry.put("problem", artifact.problem());
            unscannable(artifact);
        }
        return entry;
    }

    private void judge(final String file, final PickleGlobal global) {
        Verdict verdict = policy.judge(global);
        if (verdict == Verdict.ALLOWED) {
            return;
        }
        Map<String, Object> failing = new LinkedHashMap<>();
        failing.put("file", file);
        failing.put("module", global.module());
        failing.put("name", global.name());
        failing.put("reason", verdict.label());
        failingImports.add(failing);
        findings.add(new Finding(global.key(), String.format("%s imports %s: %s", file, global.key(),
                explanation(verdict, global))));
    }

    private static String explanation(final Verdict verdict, final PickleGlobal global) {
        return switch (verdict) {
            case DANGEROUS -> "dangerous, loading the file can run code, commands, or reach files or the network. "
                    + "Do not load it; rebuild the model from trusted code.";
            case UNKNOWN -> "unknown, the pickle computes the name instead of writing it (or uses a copyreg "
                    + "extension code), which hides what it loads. Do not load the file.";
            default -> "not allowed, it is not on the allow list. If it is your own trusted code, add '"
                    + global.key() + "' or '" + global.module() + ".*' to the rule's allow field.";
        };
    }

    private void unscannable(final ScannedArtifact artifact) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("file", artifact.file());
        entry.put("problem", artifact.problem());
        unscannable.add(entry);
        findings.add(new Finding(artifact.file(), String.format("%s cannot be scanned, so it is not known what "
                + "loading it runs: %s", artifact.file(), artifact.problem())));
    }

    private void refused(final String file, final OnnxExternalData.Tensor tensor) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("file", file);
        entry.put("tensor", tensor.tensor());
        entry.put("location", tensor.location());
        entry.put("problem", tensor.problem());
        externalData.add(entry);
        findings.add(new Finding(tensor.location(), tensor.problem()));
    }
}
