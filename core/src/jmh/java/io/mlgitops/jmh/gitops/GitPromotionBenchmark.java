package io.mlgitops.jmh.gitops;

import io.mlgitops.gitops.HttpsCredentials;
import io.mlgitops.gitops.RepositoryFiles;
import io.mlgitops.gitops.GitOpsRepositories;
import io.mlgitops.gitops.GitOpsRepository;
import io.mlgitops.gitops.RepositorySettings;
import io.mlgitops.gitops.RetryPolicy;
import io.mlgitops.gitops.SecretReference;
import io.mlgitops.testing.git.GitCli;
import io.mlgitops.testing.git.GitHttpServer;
import org.eclipse.jgit.util.FileUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Promotion latency and throughput into a generated GitOps monorepo, with 1, 4 and 16 concurrent writers, through
 * the engine's JGit repository (writers sharing one cache folder, or each with its own) and through the git command
 * line, over file:// and smart HTTP ({@code git http-backend}). Each promotion edits the prod overlay of a different
 * application; afterwards the final tip is checked for every edit that reported success (lost updates) and the
 * history for extra commits. Three unprinted scenarios per transport warm the JVM up. Prints a Markdown table.
 * Not a test: see scripts/bench/gitops/README.md.
 */
public final class GitPromotionBenchmark {
    private static final String TOKEN = "bench-token";
    private static final String ENVIRONMENT = "prod";

    private final Map<String, String> options;
    private final Path work;
    private final AtomicInteger scenarios = new AtomicInteger();

    private GitPromotionBenchmark(final Map<String, String> options, final Path work) {
        this.options = options;
        this.work = work;
    }

    public static void main(final String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("apps", "500", "writers", "1,4,16",
                "promotions", "48", "transports", "file,http", "tools", "jgit-shared,jgit-own,git-cli"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path work = Paths.get(options.getOrDefault("work", Files.createTempDirectory("gitops-bench").toString()));
        Files.createDirectories(work);
        new GitPromotionBenchmark(options, work).run();
    }

    private void run() throws Exception {
        int apps = Integer.parseInt(options.get("apps"));
        long started = System.nanoTime();
        Path template = Monorepo.create(work, apps);
        System.out.printf(Locale.ROOT, "Monorepo: %d applications, %s files, generated in %.1f s; %s promotions per "
                        + "scenario, retry policy %s%n%n", apps, GitCli.git(template, "ls-tree", "-r", "--name-only",
                        "main").lines().count(), (System.nanoTime() - started) / 1e9, options.get("promotions"),
                RetryPolicy.DEFAULTS);
        Path served = Files.createDirectories(work.resolve("served"));
        try (GitHttpServer server = GitHttpServer.start(served, Map.of(), Set.of(TOKEN))) {
            for (String transport : list("transports")) {
                for (int warmUp = 0; warmUp < 3; warmUp++) {
                    scenario(template, served, server, transport, "jgit-shared", 4);
                }
            }
            System.out.println(Scenario.HEADER);
            for (String transport : list("transports")) {
                for (String writers : list("writers")) {
                    for (String tool : list("tools")) {
                        Scenario result = scenario(template, served, server, transport, tool,
                                Integer.parseInt(writers));
                        System.out.println(result.row());
                    }
                }
            }
        }
    }

    private Scenario scenario(final Path template, final Path served, final GitHttpServer server,
            final String transport, final String tool, final int writers) throws Exception {
        int number = scenarios.incrementAndGet();
        String name = "scenario-" + number + ".git";
        Path bare = served.resolve(name);
        GitCli.git(work, "clone", "--quiet", "--bare", template.toString(), bare.toString());
        String remote = "http".equals(transport) ? server.url(name) : "file://" + bare;
        Path scratch = Files.createDirectories(work.resolve("scratch-" + number));
        try (Promoter promoter = promoter(tool, remote, transport, scratch)) {
            prepare(promoter, writers);
            Scenario scenario = new Scenario(transport, tool, writers);
            int promotions = Integer.parseInt(options.get("promotions"));
            List<TagEdit> done = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                int id = writer;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int app = id; app < promotions; app += writers) {
                        TagEdit edit = new TagEdit(Monorepo.overlay(ENVIRONMENT, app), Monorepo.INITIAL_TAG,
                                "v2." + number + "." + app);
                        long begin = System.nanoTime();
                        try {
                            int attempts = promoter.promote(id, edit, "bench-" + number + "-" + app);
                            scenario.succeeded(System.nanoTime() - begin, attempts);
                            done.add(edit);
                        }
                        catch (Exception failure) {
                            scenario.failed(failure);
                        }
                    }
                    return null;
                }));
            }
            long begin = System.nanoTime();
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
            scenario.finished(System.nanoTime() - begin);
            pool.shutdown();
            verify(scenario, bare, done);
            return scenario;
        }
        finally {
            FileUtils.delete(scratch.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
            FileUtils.delete(bare.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
        }
    }

    private Promoter promoter(final String tool, final String remote, final String transport, final Path scratch) {
        RepositorySettings settings = RepositorySettings.of(remote, scratch.resolve("cache"))
                .withSecrets(name -> Optional.of(TOKEN))
                .withHttps("http".equals(transport) ? HttpsCredentials.token(SecretReference.variable("TOKEN"))
                        : HttpsCredentials.NONE);
        return switch (tool) {
            case "jgit-shared" -> new JGitPromoter(writer -> settings);
            case "jgit-own" -> new JGitPromoter(writer -> new RepositorySettings(remote,
                    scratch.resolve("cache-" + writer), settings.secrets(), settings.https(), settings.ssh(),
                    settings.retry(), settings.timeout(), settings.progress()));
            case "git-cli" -> new GitCliPromoter(remote, "http".equals(transport) ? List.of("-c",
                    "http.extraHeader=Authorization: Basic " + Base64.getEncoder().encodeToString(("bench:" + TOKEN)
                            .getBytes(StandardCharsets.UTF_8))) : List.of(), scratch, RetryPolicy.DEFAULTS);
            default -> throw new IllegalArgumentException("unknown tool " + tool);
        };
    }

    private static void prepare(final Promoter promoter, final int writers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> futures = new ArrayList<>();
        for (int writer = 0; writer < writers; writer++) {
            int id = writer;
            futures.add(pool.submit(() -> {
                promoter.prepare(id);
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
    }

    /** Counts the edits that reported success but are not in the final tip, and the commits beyond one per edit. */
    private void verify(final Scenario scenario, final Path bare, final List<TagEdit> done) throws Exception {
        try (GitOpsRepository check = GitOpsRepositories.open(RepositorySettings.of(bare.toString(),
                work.resolve("verify-cache")))) {
            RepositoryFiles tip = check.tip("main");
            int lost = 0;
            for (TagEdit edit : done) {
                String text = new String(tip.read(edit.path()).orElseThrow(), StandardCharsets.UTF_8);
                if (!text.contains("newTag: " + edit.after() + "\n")) {
                    lost++;
                }
            }
            int commits = Integer.parseInt(GitCli.git(bare, "rev-list", "--count", "main").strip()) - 1;
            scenario.verified(lost, commits - done.size());
        }
    }

    private List<String> list(final String option) {
        return Arrays.stream(options.get(option).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
