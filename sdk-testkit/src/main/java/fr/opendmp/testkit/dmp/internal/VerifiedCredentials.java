package fr.opendmp.testkit.dmp.internal;

import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.code.Code;
import fr.opendmp.auth.provider.AuthCredentialsProvider;
import fr.opendmp.auth.provider.CredentialSource;
import fr.opendmp.auth.provider.KeyDocumentSigner;
import fr.opendmp.auth.provider.SamlHeaderPlacement;
import fr.opendmp.core.caller.AuthenticationMode;
import fr.opendmp.core.party.Professional;
import fr.opendmp.core.party.Organization;
import fr.opendmp.auth.vihf.VihfIssuer;
import fr.opendmp.auth.vihf.VihfSigner;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.testkit.auth.SignedTestCredentials;
import fr.opendmp.testkit.ca.TestCa;
import fr.opendmp.testkit.dmp.CallerKind;
import fr.opendmp.testkit.dmp.FakeDmpClaims;
import fr.opendmp.testkit.dmp.FakeProfessional;
import fr.opendmp.testkit.internal.KeyCache;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code AuthMode.VERIFY} credentials for any {@link FakeProfessional}: mTLS with the structure's
 * ORG AUTH_CLI certificate (or the professional's card certificate in {@code DIRECTE} mode) and a
 * VIHF signed with the structure's ORG SIGN certificate (or the card's PP SIGN), carrying the
 * professional's attributes exactly as the OFF mode's JWT does, so that {@link VihfCallers} reads
 * back the same caller. One provider per professional, cached (its VIHFs are cached by the
 * issuer). Thread-safe.
 */
public final class VerifiedCredentials {
    private static final Map<String, String> PROFESSIONS = Map.of("10", "Médecin", "21", "Pharmacien",
            "40", "Chirurgien-dentiste", "50", "Sage-femme", "60", "Infirmier");

    private final KeyCache keys;
    private final Clock clock;
    private final Map<FakeProfessional, CredentialsProvider> providers = new ConcurrentHashMap<>();

    /**
     * @param ca the CA that issues the structure and card certificates (the one the fake trusts)
     * @param clock the clock of the VIHFs (the fake's)
     */
    public VerifiedCredentials(TestCa ca, Clock clock) {
        this.keys = KeyCache.of(ca);
        this.clock = clock;
    }

    /**
     * @param professional who calls
     * @return the provider for this professional (same instance on every call)
     * @throws IllegalArgumentException if the professional cannot be expressed in a VIHF (a patient
     *     or legal representative, a physician without specialty, an unknown authentication mode)
     */
    public CredentialsProvider provider(FakeProfessional professional) {
        return providers.computeIfAbsent(professional, this::create);
    }

    /**
     * @param professional who calls
     * @return the structure id its VIHF and TLS certificate name (the default test structure when the
     *     professional has none)
     */
    public static String structureOf(FakeProfessional professional) {
        return professional.structureId().isBlank() ? SignedTestCredentials.STRUCTURE_ID : professional.structureId();
    }

    private CredentialsProvider create(FakeProfessional p) {
        if (p.kind() != CallerKind.PROFESSIONAL) {
            throw new IllegalArgumentException("a " + p.kind() + " has no IdNat_PS and never presents a VIHF:"
                    + " use a fake in AuthMode.OFF for patient and legal representative callers");
        }
        AuthenticationMode mode;
        try {
            mode = AuthenticationMode.valueOf(p.authenticationMode().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("authenticationMode must be DIRECTE, INDIRECTE or INDIRECTE_RENFORCEE for "
                    + p, e);
        }
        KeyCache.Keys k = mode == AuthenticationMode.DIRECTE
                ? keys.card(p.idNatPs(), orDefault(p.familyName(), "PRATICIEN"), orDefault(p.givenName(), "Test"))
                : keys.structure(structureOf(p));
        VihfIssuer issuer;
        try {
            issuer = VihfIssuer.builder().signer(new VihfSigner(k.signingKey())).professional(vihfProfessional(p))
                    .structure(Organization.of(structureOf(p)).withSector(
                            Code.of(CodeSystems.TRE_R02, orDefault(p.sector(), "SA07"), "Secteur")))
                    .software(SignedTestCredentials.software()).mode(mode).clock(clock).build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot build a VIHF for " + p + ": " + e.getMessage(), e);
        }
        return AuthCredentialsProvider.builder().sslContext(k.clientSslContext())
                .source(CredentialSource.vihf(issuer)).placement(SamlHeaderPlacement.iheSaml())
                .soapVihf(issuer).documentSigner(KeyDocumentSigner.of(k.signingKey())).build();
    }

    /** The professional a VIHF names: display names for its roles, a name when the fake has none. */
    private static Professional vihfProfessional(FakeProfessional p) {
        Professional pro = p.professional().withProfession(Code.of(CodeSystems.TRE_G15, p.profession(),
                PROFESSIONS.getOrDefault(p.profession(), "Profession " + p.profession())));
        return pro.displayName().isPresent() ? pro : pro.withNames("", p.idNatPs());
    }

    private static String orDefault(String value, String fallback) {
        return value.isBlank() ? fallback : value;
    }

    @Override
    public String toString() {
        return "VerifiedCredentials[" + providers.size() + " professionals]";
    }
}
