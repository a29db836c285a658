package fr.opendmp.testkit.insi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsMatricule;
import fr.opendmp.core.ins.InsOid;
import fr.opendmp.core.ins.MatriculeKind;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.insi.CarteVitaleBeneficiary;
import fr.opendmp.core.insi.InsiClient;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.error.InvalidInputException;
import fr.opendmp.core.error.MalformedResponseException;
import fr.opendmp.core.error.TransportException;
import fr.opendmp.core.error.UnavailableException;
import fr.opendmp.core.insi.InsiException;
import fr.opendmp.core.insi.InsiResult;
import fr.opendmp.core.insi.VerificationResult;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InsiClientAgainstFakeInsiTest {

    /**
     * Adds one header, to prove the client asks the SPI with {@link CredentialRequest#insi()}; mTLS
     * with the fake's accepted client certificate.
     */
    static final class HeaderCredentials implements CredentialsProvider {
        volatile CredentialRequest lastRequest;
        private final Optional<SSLContext> ssl;

        HeaderCredentials(Optional<SSLContext> ssl) {
            this.ssl = ssl;
        }

        @Override
        public Optional<SSLContext> sslContext() {
            return ssl;
        }

        @Override
        public Map<String, List<String>> headers(CredentialRequest request) {
            lastRequest = request;
            return Map.of("X-Test-Credential", List.of("token-1"));
        }
    }

    private FakeInsi fake;
    private HeaderCredentials credentials;
    private InsiClient client;

    @BeforeEach
    void start() {
        fake = FakeInsi.builder().slowDelay(Duration.ofMillis(1500)).start();
        credentials = new HeaderCredentials(fake.sslContext());
        client = client(1, Duration.ofSeconds(5));
    }

    private InsiClient client(int retries, Duration timeout) {
        return InsiClient.builder().endpoint(fake.baseUri()).credentials(credentials)
                .software("OpenDMP-tests", "0.1", "TEST-AUTH-42").emitter("structure-test")
                .maxRetries(retries).requestTimeout(timeout).build();
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    private InsiResult.Found found(InsiResult r) {
        assertThat(r).isInstanceOf(InsiResult.Found.class);
        return (InsiResult.Found) r;
    }

    @Test
    void searchByTraitsFindsOneIdentityWithVerbatimTraitsAndSendsTheCallingContext() {
        InsiResult.Found f = found(client.searchByTraits(FakeInsiPopulation.ORDINARY.traits()));
        assertThat(f.identity().ins()).isEqualTo(FakeInsiPopulation.ORDINARY.ins());
        assertThat(f.identity().ins().oid()).isEqualTo(InsOid.NIR_TEST);
        assertThat(f.identity().traits()).isEqualTo(FakeInsiPopulation.ORDINARY.traits());
        assertThat(f.history()).isEmpty();
        FakeInsi.ReceivedCall call = fake.calls().get(0);
        assertThat(call.operation()).isEqualTo("rechercherInsAvecTraitsIdentite");
        assertThat(call.authorizationNumber()).isEqualTo("TEST-AUTH-42");
        assertThat(call.softwareName()).isEqualTo("OpenDMP-tests");
        assertThat(call.messageId()).isEqualTo(f.requestId());
        assertThat(call.headers()).containsEntry("x-test-credential", List.of("token-1"));
        assertThat(credentials.lastRequest).isEqualTo(CredentialRequest.insi());
    }

    @Test
    void homonymsGiveMultipleWithoutBirthPlaceAndOneIdentityWithIt() {
        IdentityTraits withoutPlace = IdentityTraits.builder().birthName("Dupont").birthFirstNames("Jean").sex("M")
                .birthDate("1975-03-14").build();
        InsiResult r = client.searchByTraits(withoutPlace);
        assertThat(r).isInstanceOf(InsiResult.Multiple.class);
        assertThat(r.resultCode()).isEqualTo("02");
        assertThat(found(client.searchByTraits(FakeInsiPopulation.HOMONYM_B.traits())).identity().ins())
                .isEqualTo(FakeInsiPopulation.HOMONYM_B.ins());
    }

    @Test
    void twinsAreToldApartByFirstNamesAndByVitaleRank() {
        assertThat(found(client.searchByTraits(FakeInsiPopulation.TWIN_2.traits())).identity().ins())
                .isEqualTo(FakeInsiPopulation.TWIN_2.ins());
        InsiResult byRank = client.searchByVitale(new CarteVitaleBeneficiary("Lefebvre", "Léa", "2015-06-02",
                Optional.of(1)));
        assertThat(found(byRank).identity().ins()).isEqualTo(FakeInsiPopulation.TWIN_1.ins());
        assertThat(fake.calls().get(1).operation()).isEqualTo("rechercherInsAvecCarteVitale");
        InsiResult wrongRank = client.searchByVitale(new CarteVitaleBeneficiary("Lefebvre", "Lea", "2015-06-02",
                Optional.of(2)));
        assertThat(wrongRank).isInstanceOf(InsiResult.NotFound.class);
    }

    @Test
    void foreignCorsicanOverseasAndNonCalendarBirthsAreFound() {
        for (InsiPerson p : List.of(FakeInsiPopulation.FOREIGN_BORN, FakeInsiPopulation.CORSICA_BORN,
                FakeInsiPopulation.OVERSEAS_BORN, FakeInsiPopulation.UNKNOWN_BIRTH_DAY,
                FakeInsiPopulation.APOSTROPHE_NAME)) {
            InsiResult.Found f = found(client.searchByTraits(p.traits()));
            assertThat(f.identity().ins()).isEqualTo(p.ins());
            assertThat(f.identity().traits()).isEqualTo(p.traits());
        }
        assertThat(FakeInsiPopulation.CORSICA_BORN.ins().matricule().number()).contains("2B");
        assertThat(FakeInsiPopulation.UNKNOWN_BIRTH_DAY.ins().matricule().warnings())
                .contains(InsMatricule.Warning.FICTITIOUS_MONTH);
    }

    @Test
    void localSpellingWithDiacriticsAndTypographicApostropheFindsTheSamePerson() {
        IdentityTraits local = IdentityTraits.builder().birthName("Müller").birthFirstNames("Anna").sex("F")
                .birthDate("1998-04-30").birthPlaceCode("99109").build();
        InsiResult.Found f = found(client.searchByTraits(local));
        assertThat(f.identity().ins().oid()).isEqualTo(InsOid.NIA);
        assertThat(f.identity().ins().matricule().kind()).isEqualTo(MatriculeKind.NIA);
        IdentityTraits apostrophe = IdentityTraits.builder().birthName("de l’Isle").birthFirstNames("Marie–Claire")
                .sex("F").birthDate("1965-09-01").birthPlaceCode("49007").build();
        assertThat(found(client.searchByTraits(apostrophe)).identity().ins())
                .isEqualTo(FakeInsiPopulation.APOSTROPHE_NAME.ins());
    }

    @Test
    void matriculeHistoryIsReturnedWithTheFormerNia() {
        InsiResult.Found f = found(client.searchByTraits(FakeInsiPopulation.MATRICULE_HISTORY.traits()));
        assertThat(f.history()).hasSize(1);
        assertThat(f.history().get(0).ins().oid()).isEqualTo(InsOid.NIA);
        assertThat(f.history().get(0).startDate()).contains("2010-01-04");
        assertThat(f.identity().knows(f.history().get(0).ins())).isTrue();
    }

    @Test
    void unknownPersonGivesNotFoundAfterTryingEachFirstNameInTurn() {
        IdentityTraits twoNames = FakeInsiPopulation.UNKNOWN_TO_INSI.toBuilder().birthFirstNames("Lucie Anne").build();
        InsiResult r = client.searchByTraits(twoNames);
        assertThat(r).isInstanceOf(InsiResult.NotFound.class);
        assertThat(r.resultCode()).isEqualTo("01");
        assertThat(fake.calls()).hasSize(2);
    }

    @Test
    void secondFirstNameIsTriedWhenTheFirstFindsNothing() {
        IdentityTraits local = FakeInsiPopulation.ORDINARY.traits().toBuilder().birthFirstNames("Zoe Sophie").build();
        assertThat(found(client.searchByTraits(local)).identity().ins()).isEqualTo(FakeInsiPopulation.ORDINARY.ins());
        assertThat(fake.calls()).extracting(FakeInsi.ReceivedCall::resultCode).containsExactly("01", "00");
    }

    @Test
    void verifyConfirmsThenDetectsMatriculeChanged() {
        var stored = found(client.searchByTraits(FakeInsiPopulation.ORDINARY.traits())).identity();
        assertThat(client.verify(stored)).isInstanceOf(VerificationResult.Confirmed.class);
        String number = "2871049007999";
        Ins newIns = Ins.of(InsMatricule.of(number, InsMatricule.computeKey(number)), InsOid.NIR_TEST);
        fake.changeActiveIns(stored.ins(), newIns);
        VerificationResult v = client.verify(stored);
        assertThat(v).isInstanceOfSatisfying(VerificationResult.MatriculeChanged.class, m -> {
            assertThat(m.current().ins()).isEqualTo(newIns);
            assertThat(m.previous()).isEqualTo(stored.ins());
        });
    }

    @Test
    void fictitiousOrDoubtfulIdentityIsNeverSentToInsi() {
        PatientIdentity fictitious = PatientIdentity.provisional(FakeInsiPopulation.ORDINARY.traits()).markFictitious();
        assertThatThrownBy(() -> client.search(fictitious)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.side()).isEqualTo(DmpException.Side.CLIENT));
        assertThatThrownBy(() -> client.search(PatientIdentity.provisional(FakeInsiPopulation.ORDINARY.traits())
                .markDoubtful())).isInstanceOf(InvalidInputException.class);
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void unavailableOnceIsRetriedOnceAndSucceeds() {
        fake.failNext(FakeInsi.Fault.UNAVAILABLE);
        found(client.searchByTraits(FakeInsiPopulation.ORDINARY.traits()));
        assertThat(fake.requestCount()).isEqualTo(2);
    }

    @Test
    void unavailableIsRetriedAfterAJitteredBackoffNotAtOnce() {
        List<Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (InsiClient slow = InsiClient.builder().endpoint(fake.baseUri()).credentials(credentials)
                .software("OpenDMP-tests", "0.1", "TEST-AUTH-42").emitter("structure-test").maxRetries(2)
                .sleeper(waits::add).build()) {
            fake.failNext(FakeInsi.Fault.UNAVAILABLE, 2);
            found(slow.searchByTraits(FakeInsiPopulation.ORDINARY.traits()));
        }
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(160), Duration.ofMillis(200));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(320), Duration.ofMillis(400));
    }

    @Test
    void unavailableTwiceFailsRetryableAfterOneRetry() {
        fake.failNext(FakeInsi.Fault.UNAVAILABLE, 2);
        assertThatThrownBy(() -> client.searchByTraits(FakeInsiPopulation.ORDINARY.traits()))
                .isInstanceOfSatisfying(UnavailableException.class, e -> {
                    assertThat(e.side()).isEqualTo(DmpException.Side.SERVICE);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.httpStatus()).contains(503);
                    assertThat(e.requestId()).isPresent();
                });
        assertThat(fake.requestCount()).isEqualTo(2);
    }

    @Test
    void receiverFaultIsRetryableSoItIsRetriedOnceAndSucceeds() {
        fake.failNext(FakeInsi.Fault.RECEIVER_FAULT);
        found(client.searchByTraits(FakeInsiPopulation.ORDINARY.traits()));
        assertThat(fake.requestCount()).isEqualTo(2);
    }

    @Test
    void receiverFaultTwiceFailsRetryableWithItsCodeAfterOneRetry() {
        fake.failNext(FakeInsi.Fault.RECEIVER_FAULT, 2);
        assertThatThrownBy(() -> client.searchByTraits(FakeInsiPopulation.ORDINARY.traits()))
                .isInstanceOfSatisfying(InsiException.class, e -> {
                    assertThat(e.side()).isEqualTo(DmpException.Side.SERVICE);
                    assertThat(e.faultCode()).contains("insi_500");
                    assertThat(e.retryable()).isTrue();
                });
        assertThat(fake.requestCount()).isEqualTo(2);
    }

    @Test
    void senderFaultIsAServiceRefusalThatIsNeitherRetryableNorRetried() {
        fake.failNext(FakeInsi.Fault.SENDER_FAULT);
        assertThatThrownBy(() -> client.searchByTraits(FakeInsiPopulation.ORDINARY.traits()))
                .isInstanceOfSatisfying(InsiException.class, e -> {
                    assertThat(e.faultCode()).isPresent();
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.side()).isEqualTo(DmpException.Side.SERVICE);
                });
        assertThat(fake.requestCount()).isEqualTo(1);
    }

    @Test
    void slowAnswerTimesOutAsARetryableError() {
        client.close();
        client = client(0, Duration.ofMillis(300));
        fake.failNext(FakeInsi.Fault.SLOW);
        assertThatThrownBy(() -> client.searchByTraits(FakeInsiPopulation.ORDINARY.traits()))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.side()).isEqualTo(DmpException.Side.CLIENT);
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void malformedXxeAndOversizedAnswersAreServiceSideMalformedAnswers() {
        for (FakeInsi.Fault f : List.of(FakeInsi.Fault.MALFORMED, FakeInsi.Fault.XXE, FakeInsi.Fault.OVERSIZED)) {
            fake.failNext(f);
            assertThatThrownBy(() -> client.searchByTraits(FakeInsiPopulation.ORDINARY.traits()))
                    .isInstanceOfSatisfying(MalformedResponseException.class,
                            e -> assertThat(e.side()).isEqualTo(DmpException.Side.SERVICE));
        }
    }

    @Test
    void fakeRefusesARequestWithoutCallingContextWithASenderFault() throws Exception {
        String bare = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>"
                + "<RECSANSVITALE xmlns=\"http://www.cnamts.fr/INSiRecSans\"/></soap:Body></soap:Envelope>";
        HttpResponse<String> r = HttpClient.newBuilder().sslContext(fake.sslContext().orElseThrow()).build().send(HttpRequest.newBuilder(fake.baseUri())
                .header("Content-Type", "application/soap+xml").POST(HttpRequest.BodyPublishers.ofString(bare))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("soap:Sender").contains("ContexteBAM");
    }

    @Test
    void toStringsOfPeopleAndResultsAreMasked() {
        InsiResult.Found f = found(client.searchByTraits(FakeInsiPopulation.ORDINARY.traits()));
        String s = f + " " + FakeInsiPopulation.ORDINARY + " " + f.identity().traits();
        assertThat(s).doesNotContain("MARTIN", "CAMILLE", "1987-10-12", FakeInsiPopulation.ORDINARY.ins().value());
    }
}
