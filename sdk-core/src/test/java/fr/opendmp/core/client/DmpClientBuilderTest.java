package fr.opendmp.core.client;

import fr.opendmp.core.error.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.core.credentials.CredentialsProvider;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DmpClientBuilderTest {

    static DmpClient.Builder minimal() {
        return DmpClient.builder().endpoint(URI.create("http://localhost:1/fhir")).credentials(CredentialsProvider.none())
                .software("app", "1", "H1");
    }

    @Test
    void aSettingGivenTwiceIsRefused() {
        assertThatThrownBy(() -> minimal().requestTimeout(Duration.ofSeconds(1)).requestTimeout(Duration.ofSeconds(2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("requestTimeout was already set");
    }

    @Test
    void missingEndpointOrSoftwareIsRefusedAtBuild() {
        assertThatThrownBy(() -> DmpClient.builder().credentials(CredentialsProvider.none()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("endpoint");
    }

    @Test
    void invalidValuesAreRefusedWithClearMessages() {
        assertThatThrownBy(() -> DmpClient.builder().endpoint(URI.create("ftp://x/fhir")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http");
        assertThatThrownBy(() -> DmpClient.builder().sourceId("not an oid"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OID");
        assertThatThrownBy(() -> DmpClient.builder().connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void newBuilderCopiesTheSettingsAndAllowsEachToBeChangedOnce() {
        try (DmpClient a = minimal().requestTimeout(Duration.ofSeconds(3)).build();
                DmpClient b = a.newBuilder().requestTimeout(Duration.ofSeconds(5)).build()) {
            assertThat(b).isNotSameAs(a);
        }
    }

    @Test
    void aClosedClientRefusesCalls() {
        DmpClient client = minimal().build();
        client.close();
        client.close();
        assertThatThrownBy(client::documents).isInstanceOf(IllegalStateException.class);
    }
}
