package io.mlgitops.gitops.git;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.gitops.GitOpsRepositories;
import io.mlgitops.testing.git.GitCli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.mlgitops.testing.git.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A local repository for the demo: a bare repository with its working clone, checked with the git command line. */
class LocalRepositoryTest {
    private static final String FILE = "environments/dev/kustomization.yaml";

    @TempDir
    Path temp;

    @BeforeEach
    void requireGit() {
        GitCli.require();
    }

    private String create() throws InputException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(FILE, "images:\n  - name: churn\n    newTag: v1\n".getBytes(StandardCharsets.UTF_8));
        files.put("base/kustomization.yaml", "resources: []\n".getBytes(StandardCharsets.UTF_8));
        return GitOpsRepositories.createLocal(temp.resolve("gitops.git"), temp.resolve("gitops"), "main", files,
                "Template", "Demo", "demo@example.com");
    }

    @Test
    void shouldCreateABareRepositoryAndAWorkingCloneOfIt() throws Exception {
        String url = create();

        assertThat(url).isEqualTo("file://" + temp.resolve("gitops.git"));
        Path bare = temp.resolve("gitops.git");
        assertThat(git(bare, "rev-parse", "--is-bare-repository").strip()).isEqualTo("true");
        assertThat(git(bare, "log", "--format=%s|%an|%ae", "main").strip()).isEqualTo("Template|Demo|demo@example.com");
        assertThat(git(bare, "show", "main:" + FILE)).contains("newTag: v1");
        Path clone = temp.resolve("gitops");
        assertThat(git(clone, "status", "--short", "--branch").strip()).isEqualTo("## main...origin/main");
        assertThat(git(clone, "rev-parse", "HEAD")).isEqualTo(git(bare, "rev-parse", "main"));
    }

    @Test
    void shouldBringTheWorkingCloneUpToDate() throws Exception {
        create();
        Path other = temp.resolve("other");
        git(temp, "clone", "-q", temp.resolve("gitops.git").toString(), other.toString());
        Files.writeString(other.resolve(FILE), "images:\n  - name: churn\n    newTag: v2\n");
        git(other, "commit", "-q", "-am", "Promote");
        git(other, "push", "-q", "origin", "main");

        GitOpsRepositories.updateWorkingCopy(temp.resolve("gitops"), "main");

        assertThat(temp.resolve("gitops").resolve(FILE)).content().contains("newTag: v2");
    }

    @Test
    void shouldRefuseAFolderThatIsNotEmpty() throws Exception {
        Files.createDirectories(temp.resolve("gitops"));
        Files.writeString(temp.resolve("gitops/notes.txt"), "mine");

        assertThatThrownBy(this::create).isInstanceOf(InputException.class).hasMessageContaining("is not empty");
        assertThat(temp.resolve("gitops/notes.txt")).hasContent("mine");
    }
}
