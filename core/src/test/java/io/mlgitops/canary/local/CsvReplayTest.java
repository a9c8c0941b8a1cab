package io.mlgitops.canary.local;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.canary.TrafficReplay;
import io.mlgitops.data.Dataset;
import io.mlgitops.testing.LocalHttpServer;
import io.mlgitops.testing.LocalHttpServer.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReplayTest {
    @Test
    void shouldSendLabelledRowsInOrderAtTheRate() throws Exception {
        Dataset rows = Churn.rows();
        try (LocalHttpServer server = LocalHttpServer.start()
                .on("/invocations", request -> Response.json(200, "{\"predictions\": [0]}"))) {
            TrafficReplay traffic = TrafficReplay.start(server.uri("/invocations"), rows, Churn.TARGET, 50);
            Thread.sleep(2000);
            traffic.close();
            TrafficReplay.Statistics statistics = traffic.statistics();

            assertThat(statistics.sent()).isBetween(80L, 110L);
            assertThat(statistics.succeeded()).isEqualTo(statistics.sent());
            assertThat(statistics.skipped()).isZero();
            assertThat(server.requests()).hasSize((int) statistics.sent());
            assertThat(server.requests().get(0).body()).isEqualTo("{\"dataframe_split\":{\"columns\":["
                    + "\"customer_id\",\"gender\",\"age_band\",\"senior_citizen\",\"region\",\"tenure_months\","
                    + "\"contract\",\"payment_method\",\"internet_service\",\"paperless_billing\",\"monthly_charges\","
                    + "\"total_charges\",\"support_calls\"],\"data\":[[\"C103001\",\"Male\",\"60+\",1,\"eu\",12,"
                    + "\"Two year\",\"Bank transfer (automatic)\",\"Fiber optic\",\"Yes\",74.3,875.04,4]]},"
                    + "\"labels\":[0]}");
            assertThat(server.requests().get(0).header("Content-Type")).isEqualTo("application/json");
        }
    }

    @Test
    void shouldCountFailedAndUnansweredRequests() throws Exception {
        Dataset rows = Churn.rows();
        try (LocalHttpServer server = LocalHttpServer.start()
                .on("/invocations", request -> Response.json(500, "{\"error\": \"down\"}"))) {
            TrafficReplay failing = TrafficReplay.start(server.uri("/invocations"), rows, null, 100);
            Thread.sleep(300);
            failing.close();
            assertThat(failing.statistics().failed()).isEqualTo(failing.statistics().sent()).isPositive();
            assertThat(server.requests().get(0).body()).doesNotContain("labels").contains("\"churned\"");
        }
        TrafficReplay unanswered = TrafficReplay.start(URI.create("http://127.0.0.1:9/invocations"), rows, null, 100);
        Thread.sleep(300);
        unanswered.close();
        assertThat(unanswered.statistics().unreachable()).isEqualTo(unanswered.statistics().sent()).isPositive();
    }

    @Test
    void shouldRefuseARateOutOfRangeOrAMissingTarget() throws Exception {
        Dataset rows = Churn.rows();
        URI nowhere = URI.create("http://127.0.0.1:9/invocations");

        assertThatThrownBy(() -> TrafficReplay.start(nowhere, rows, Churn.TARGET, 0))
                .isInstanceOf(InputException.class)
                .hasMessage("The traffic rate must be more than 0 and at most 10,000 requests per second; got 0.0.");
        assertThatThrownBy(() -> TrafficReplay.start(nowhere, rows, "label", 10))
                .isInstanceOf(InputException.class).hasMessageContaining("has no column 'label'");
    }
}
