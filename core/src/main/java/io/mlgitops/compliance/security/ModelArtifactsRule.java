package io.mlgitops.compliance.security;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.compliance.RuleType;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * {@code modelArtifacts}: scans the model's files without loading them (EU AI Act Art. 15(5), resilience against
 * attempts to alter the system's behaviour). Pickles ({@code .pkl}, {@code .joblib}, PyTorch checkpoints, object
 * {@code .npy} arrays, ...) fail when they import anything dangerous or not on the allow list; ONNX models fail when
 * their external data lies outside the model folder; files that cannot be scanned fail.
 */
public final class ModelArtifactsRule implements RuleType {
    @Override
    public String name() {
        return "modelArtifacts";
    }

    @Override
    public Set<String> fields() {
        return Set.of(ArtifactScanSettings.ALLOW, ArtifactScanSettings.DEFAULTS, ArtifactScanSettings.MAX_FILE_SIZE);
    }

    @Override
    public void validate(final RuleFields rule) throws InputException {
        ArtifactScanSettings.read(rule);
    }

    @Override
    public RuleCheck check(final RuleFields rule, final Evidence evidence) throws MlGitOpsException {
        ArtifactScanSettings settings = ArtifactScanSettings.read(rule);
        Optional<Path> folder = evidence.modelDirectory();
        if (folder.isEmpty()) {
            return RuleCheck.notApplicable("No model folder was given, so no model file was scanned.");
        }
        ModelFolderScan scan = ModelFolderScan.of(folder.get(), settings.maxFileSize());
        if (scan.artifacts().isEmpty()) {
            return RuleCheck.notApplicable(String.format("Nothing scannable was found in %s (%d files skipped): "
                    + "only pickles (.pkl, .pickle, .joblib, .dill), numpy (.npy, .npz), PyTorch (.pt, .pth, .bin, "
                    + ".ckpt), .dat/.data pickles and ONNX (.onnx) files are scanned.", scan.folder(),
                    scan.skipped()));
        }
        return ArtifactVerdicts.judge(scan, settings.policy());
    }
}
