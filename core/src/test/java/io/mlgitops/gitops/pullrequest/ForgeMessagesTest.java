package io.mlgitops.gitops.pullrequest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error bodies in the shapes GitHub and GitLab document, reduced to one line.
 */
class ForgeMessagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String summarize(final String body) throws IOException {
        return ForgeMessages.summarize(JSON.readTree(body), body);
    }

    @Test
    void shouldJoinGitHubsMessageWithItsErrors() throws IOException {
        assertThat(summarize("{\"message\": \"Validation Failed\", \"errors\": [{\"resource\": \"PullRequest\", "
                + "\"code\": \"custom\", \"message\": \"A pull request already exists for acme:b.\"}, {\"resource\": "
                + "\"PullRequest\", \"field\": \"base\", \"code\": \"invalid\"}]}"))
                .isEqualTo("Validation Failed; A pull request already exists for acme:b.; base invalid");
    }

    @Test
    void shouldReadGitLabsMessagesAsTextListOrFieldErrors() throws IOException {
        assertThat(summarize("{\"message\": \"404 Project Not Found\"}")).isEqualTo("404 Project Not Found");
        assertThat(summarize("{\"message\": [\"Another open merge request already exists for this source branch: "
                + "!3\"]}")).isEqualTo("Another open merge request already exists for this source branch: !3");
        assertThat(summarize("{\"message\": {\"target_branch\": [\"is invalid\"], \"title\": [\"can't be "
                + "blank\", \"is too short\"]}}"))
                .isEqualTo("target_branch is invalid; title can't be blank; title is too short");
        assertThat(summarize("{\"error\": \"insufficient_scope\", \"error_description\": \"The request requires "
                + "higher privileges than provided by the access token.\"}"))
                .isEqualTo("insufficient_scope; The request requires higher privileges than provided by the access "
                        + "token.");
    }

    @Test
    void shouldFallBackToTheStartOfAPlainBody() throws IOException {
        assertThat(ForgeMessages.summarize(JSON.missingNode(), "<html>\n  Bad gateway\n</html>"))
                .isEqualTo("<html> Bad gateway </html>");
    }
}
