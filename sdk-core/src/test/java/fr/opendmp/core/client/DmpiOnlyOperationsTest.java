package fr.opendmp.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.core.access.AuthorizationChange;
import fr.opendmp.core.access.AuthorizationFilter;
import fr.opendmp.core.access.AuthorizedPatientsBy;
import fr.opendmp.core.access.Authorization;
import fr.opendmp.core.caller.Caller;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.error.OperationNotSupportedException;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The DMPi-only operations (TD0.3, TD0.4, TD1.6, TD1.3a) answer a typed "not offered" error on FHIR. */
class DmpiOnlyOperationsTest extends WireMockSupport {

    @Test
    void fhirAnswersOperationNotSupportedWithoutSendingAnything() {
        try (DmpClient dmp = client()) {
            assertThatThrownBy(() -> dmp.setAuthorization(TestIdentities.INS, AuthorizationChange.ADD))
                    .isInstanceOfSatisfying(OperationNotSupportedException.class, e -> {
                        assertThat(e.getMessage()).contains("TD0.3").contains("FHIR");
                        assertThat(e.side()).isEqualTo(DmpException.Side.CLIENT);
                        assertThat(e.retryable()).isFalse();
                    });
            assertThatThrownBy(() -> dmp.authorizedPatients(Instant.EPOCH, AuthorizedPatientsBy.LAST_DOCUMENT))
                    .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining("TD0.4");
            assertThatThrownBy(() -> dmp.authorizations(TestIdentities.INS, AuthorizationFilter.ALL))
                    .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining("TD1.6");
            assertThatThrownBy(() -> dmp.as(Caller.provider()).administrativeData(TestIdentities.INS))
                    .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining("TD1.3a");
            assertThatThrownBy(() -> dmp.administrativeDataAsync(TestIdentities.INS).join())
                    .isInstanceOf(CompletionException.class).hasCauseInstanceOf(OperationNotSupportedException.class);
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void expiredIsAnAuthorizationThatCannotConsult() {
        assertThat(Authorization.valueOf("EXPIRED")).isEqualTo(Authorization.EXPIRED);
    }
}
