package fr.opendmp.testkit.outbox;

import fr.opendmp.auth.keys.KeyMaterial;
import fr.opendmp.auth.keys.KeyMaterials;
import fr.opendmp.auth.keys.TrustAnchors;
import fr.opendmp.auth.provider.AuthCredentialsProvider;
import fr.opendmp.auth.provider.CredentialSource;
import fr.opendmp.auth.provider.KeyDocumentSigner;
import fr.opendmp.auth.provider.SamlHeaderPlacement;
import fr.opendmp.auth.tls.MutualTls;
import fr.opendmp.auth.vihf.VihfIssuer;
import fr.opendmp.auth.vihf.VihfSigner;
import fr.opendmp.core.caller.AuthenticationMode;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.party.Professional;
import fr.opendmp.testkit.auth.SignedTestCredentials;
import fr.opendmp.testkit.dmp.FakeDmp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How a child JVM gets credentials the test JVM's verifying fake accepts, as another process would
 * from the launcher's files: the test structure's TLS and signing keys (PKCS#12) and the CA root;
 * the child signs its own VIHF (also in WS-Security) and each submission's XAdES.
 */
final class DmpiChildCredentials {
    private DmpiChildCredentials() {
    }

    /** Writes the fake's test structure credentials into {@code dir} for a child JVM. */
    static void write(FakeDmp fake, Path dir) throws IOException {
        SignedTestCredentials c = fake.tls().orElseThrow();
        char[] password = Long.toHexString(System.nanoTime()).toCharArray();
        Files.createDirectories(dir);
        c.tlsClient().writePkcs12(dir.resolve("client.p12"), password);
        c.signing().writePkcs12(dir.resolve("sign.p12"), password);
        Files.writeString(dir.resolve("ca.pem"), c.ca().rootPem(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("password"), new String(password), StandardCharsets.UTF_8);
    }

    /** @return in the child, the provider for the outbox documents' author, from {@code dir} */
    static CredentialsProvider read(Path dir) throws IOException {
        char[] password = Files.readString(dir.resolve("password"), StandardCharsets.UTF_8).toCharArray();
        KeyMaterial sign = KeyMaterials.fromPkcs12(dir.resolve("sign.p12"), password, Optional.empty());
        VihfIssuer issuer = VihfIssuer.builder().signer(new VihfSigner(sign))
                .professional(Professional.of(OutboxDocs.AUTHOR.idNatPs(), "Auteur", "TEST")
                        .withProfession(Code.of(CodeSystems.TRE_G15, "10", "Médecin"))
                        .withSpecialty(Code.of(CodeSystems.TRE_R38, "SM26", "Médecine générale")))
                .structure(SignedTestCredentials.structure())
                .software(SignedTestCredentials.software()).mode(AuthenticationMode.INDIRECTE_RENFORCEE).build();
        return AuthCredentialsProvider.builder()
                .sslContext(MutualTls.builder()
                        .clientKey(KeyMaterials.fromPkcs12(dir.resolve("client.p12"), password, Optional.empty()))
                        .trust(TrustAnchors.fromPem(List.of(dir.resolve("ca.pem")))).build())
                .source(CredentialSource.vihf(issuer)).placement(SamlHeaderPlacement.iheSaml())
                .soapVihf(issuer).documentSigner(KeyDocumentSigner.of(sign)).build();
    }
}
