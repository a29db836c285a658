package fr.opendmp.core.insi;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.client.TestIdentities;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.fuzz.CannedHttp;
import fr.opendmp.core.fuzz.Fuzz;
import fr.opendmp.core.fuzz.HostileInputs;
import fr.opendmp.core.fuzz.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Hostile INSi answers (issue 19): the INSi answer reader, through the client, returns a result or a
 * typed {@link DmpException} in bounded time for any body and status, never quoting the traits.
 */
class InsiAnswersFuzzTest {

    private static final int LIMIT = 256 * 1024;
    private static final String ENV = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\">"
            + "<soap:Body>";
    private static final String END = "</soap:Body></soap:Envelope>";
    static final String FOUND = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + ENV
            + "<RESULTAT xmlns=\"http://www.cnamts.fr/INSiResultat\"><CR><CodeCR>00</CodeCR><LibelleCR>OK</LibelleCR>"
            + "</CR><INDIVIDU><INSACTIF><IdIndividu><NumIdentifiant>2791199134009</NumIdentifiant><Cle>76</Cle>"
            + "</IdIndividu><OID>1.2.250.1.213.1.4.10</OID></INSACTIF><INSHISTO><IdIndividu><NumIdentifiant>"
            + "2790351215189</NumIdentifiant><Cle>89</Cle></IdIndividu><OID>1.2.250.1.213.1.4.10</OID>"
            + "<DateFin>2012-01-01</DateFin></INSHISTO><TIQ><NomNaissance>TESTDMP</NomNaissance><ListePrenom>"
            + "CAMILLE SOPHIE</ListePrenom><Sexe>F</Sexe><DateNaissance>1979-11-13</DateNaissance><LieuNaissance>"
            + "99134</LieuNaissance></TIQ></INDIVIDU></RESULTAT>" + END;
    static final String FAULT = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + ENV
            + "<soap:Fault><soap:Code><soap:Value>soap:Sender</soap:Value><soap:Subcode><soap:Value>siram:x"
            + "</soap:Value></soap:Subcode></soap:Code><soap:Reason><soap:Text>TESTDMP 1979-11-13</soap:Text>"
            + "</soap:Reason><soap:Detail><siram:Erreur xmlns:siram=\"urn:siram\" code=\"insi_102\" severite=\"fatal\">"
            + "TESTDMP</siram:Erreur></soap:Detail></soap:Fault>" + END;

    private static CannedHttp http;
    private static InsiClient insi;

    @BeforeAll
    static void start() {
        http = CannedHttp.start();
        insi = InsiClient.builder().endpoint(http.uri("/insi")).credentials(CredentialsProvider.none())
                .software("OpenDMP-tests", "1.0", "AUTH-1").emitter("E").maxRetries(0)
                .requestTimeout(Duration.ofSeconds(4)).maxResponseBytes(LIMIT).sleeper(d -> { }).build();
    }

    @AfterAll
    static void stop() {
        insi.close();
        http.close();
    }

    private static Gen<byte[]> answers() {
        return HostileInputs.oneOf(List.of(HostileInputs.xmlAround(utf8(FOUND)), HostileInputs.xmlAround(utf8(FAULT))));
    }

    private static Gen<Integer> statuses() {
        return Generate.frequency(List.of(Pair.of(6, Generate.constant(200)), Pair.of(1, Generate.constant(400)),
                Pair.of(1, Generate.constant(500)), Pair.of(1, Generate.constant(503))));
    }

    @Test
    void aHostileInsiAnswerIsAResultOrATypedError() {
        Fuzz.theory().forAll(answers(), statuses()).checkAssert((body, status) -> {
            http.answer(status, "application/soap+xml; charset=UTF-8", body);
            Verdict.typedOrSuccess("INSi " + status, () -> insi.searchByTraits(TestIdentities.traits()),
                    DmpException.class);
        });
    }

    @Test
    void anInsiAnswerOnePastTheLimitIsATypedError() {
        http.answer(200, "application/soap+xml", HostileInputs.xmlOfSize(LIMIT + 1));
        assertThat(Verdict.typedOrSuccess("past the limit", () -> insi.searchByTraits(TestIdentities.traits()),
                DmpException.class)).isPresent();
    }

    @Test
    void theValidAnswerIsFoundSoTheMutationsStartFromARealResult() {
        http.answer(200, "application/soap+xml", utf8(FOUND));
        assertThat(insi.searchByTraits(TestIdentities.traits())).isInstanceOf(InsiResult.Found.class);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
