package fr.opendmp.core.insi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.core.ins.InsOid;
import fr.opendmp.core.insi.internal.InsiProtocol;
import fr.opendmp.core.insi.internal.SoapAnswer;
import fr.opendmp.core.insi.internal.SoapRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InsiSoapTest {

    private static final String ENV = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>";
    private static final String END = "</soap:Body></soap:Envelope>";

    private static SoapAnswer read(String xml) {
        return SoapAnswer.read(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void requestEnvelopeCarriesActionContextsAndEscapesValues() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("NomNaissance", "D'ARTAGNAN <&>");
        SoapRequest r = new SoapRequest(InsiProtocol.OP_TRAITS, "id-1", "https://insi.example/x", Instant.EPOCH,
                new SoapRequest.LpsContext("emitter", "AUTH-1", "Soft", "1.0", "inst-1"), fields);
        String xml = r.toXml();
        assertThat(xml).contains("urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite")
                .contains("ContexteBAM").contains("Version=\"01_02\"").contains("ContexteLPS")
                .contains("Nature=\"CTXLPS\"").contains("R=\"4\"").contains(">AUTH-1<")
                .contains("RECSANSVITALE").contains("http://www.cnamts.fr/INSiRecSans")
                .contains("D'ARTAGNAN &lt;&amp;&gt;").doesNotContain("<&>");
    }

    @Test
    void foundAnswerIsReadWithActiveInsHistoryAndTraitsVerbatim() {
        String xml = ENV + "<RESULTAT xmlns=\"http://www.cnamts.fr/INSiResultat\"><CR><CodeCR>00</CodeCR>"
                + "<LibelleCR>OK</LibelleCR></CR><INDIVIDU><INSACTIF><IdIndividu><NumIdentifiant>1090763220834"
                + "</NumIdentifiant><Cle>89</Cle></IdIndividu><OID>1.2.250.1.213.1.4.10</OID></INSACTIF>"
                + "<INSHISTO><IdIndividu><NumIdentifiant>2090763220834</NumIdentifiant><Cle>39</Cle></IdIndividu>"
                + "<OID>1.2.250.1.213.1.4.10</OID><DateFin>2012-01-01</DateFin></INSHISTO>"
                + "<TIQ><NomNaissance>ECETINSI</NomNaissance><ListePrenom>PIERRE-ALAIN MURIEL</ListePrenom>"
                + "<Sexe>M</Sexe><DateNaissance>2009-07-14</DateNaissance><LieuNaissance>63220</LieuNaissance>"
                + "</TIQ></INDIVIDU></RESULTAT>" + END;
        SoapAnswer.Result r = (SoapAnswer.Result) read(xml);
        assertThat(r.code()).isEqualTo("00");
        var id = r.identity().orElseThrow();
        assertThat(id.ins().value()).isEqualTo("109076322083489");
        assertThat(id.ins().oid()).isEqualTo(InsOid.NIR_TEST);
        assertThat(id.history()).hasSize(1);
        assertThat(id.history().get(0).endDate()).contains("2012-01-01");
        assertThat(id.birthFirstNames()).isEqualTo("PIERRE-ALAIN MURIEL");
        assertThat(id.traits().firstBirthFirstName()).isEqualTo("PIERRE-ALAIN");
    }

    @Test
    void soap12FaultIsReadWithItsErrorCode() {
        String xml = ENV + "<soap:Fault><soap:Code><soap:Value>soap:Receiver</soap:Value><soap:Subcode><soap:Value>"
                + "siram:x</soap:Value></soap:Subcode></soap:Code><soap:Reason><soap:Text>boom</soap:Text>"
                + "</soap:Reason><soap:Detail><siram:Erreur xmlns:siram=\"urn:siram\" code=\"insi_500\" "
                + "severite=\"fatal\">boom</siram:Erreur></soap:Detail></soap:Fault>" + END;
        SoapAnswer.Fault f = (SoapAnswer.Fault) read(xml);
        assertThat(f.receiverFault()).isTrue();
        assertThat(f.errorCode()).contains("insi_500");
        assertThat(f.subcode()).contains("siram:x");
    }

    @Test
    void answerWithADtdOrExternalEntityIsRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + ENV
                + "<RESULTAT xmlns=\"http://www.cnamts.fr/INSiResultat\"><CR><CodeCR>&x;</CodeCR></CR></RESULTAT>" + END;
        assertThatThrownBy(() -> read(xxe)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void answerWithoutResultNorFaultOrWithBadMatriculeIsRefused() {
        assertThatThrownBy(() -> read(ENV + "<Other/>" + END)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> read("not xml")).isInstanceOf(IllegalArgumentException.class);
        String badKey = ENV + "<RESULTAT><CR><CodeCR>00</CodeCR></CR><INDIVIDU><INSACTIF><IdIndividu><NumIdentifiant>"
                + "1090763220834</NumIdentifiant><Cle>11</Cle></IdIndividu><OID>1.2.250.1.213.1.4.10</OID></INSACTIF>"
                + "<TIQ><NomNaissance>A</NomNaissance><ListePrenom>B</ListePrenom><Sexe>M</Sexe><DateNaissance>"
                + "2009-07-14</DateNaissance></TIQ></INDIVIDU></RESULTAT>" + END;
        assertThatThrownBy(() -> read(badKey)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clientBuilderRefusesMissingSettingsPlainHttpAndSettingsGivenTwice() {
        assertThatThrownBy(() -> InsiClient.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("endpoint");
        assertThatThrownBy(() -> InsiClient.builder().endpoint(java.net.URI.create("http://insi.example/x"))
                .credentials(fr.opendmp.core.credentials.CredentialsProvider.none()).software("S", "1", "A")
                .emitter("E").build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> InsiClient.builder().maxRetries(1).maxRetries(2))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> InsiClient.builder().maxRetries(9)).isInstanceOf(IllegalArgumentException.class);
    }
}
