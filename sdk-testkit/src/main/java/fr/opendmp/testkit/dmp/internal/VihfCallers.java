package fr.opendmp.testkit.dmp.internal;

import fr.opendmp.core.access.AccessMode;
import fr.opendmp.testkit.auth.VerifiedCaller;
import fr.opendmp.testkit.auth.VihfFailure;
import fr.opendmp.testkit.auth.VihfVerification;
import fr.opendmp.testkit.auth.VihfVerifier;
import fr.opendmp.testkit.dmp.FakeProfessional;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * {@code AuthMode.VERIFY}: the caller comes only from a VIHF that {@link VihfVerifier} accepts
 * (signature, certificate chain, TLS binding, validity, attributes, access mode). The request's
 * patient is checked afterwards by {@link AccessRules#checkCredentialPatient} (403 PATIENT_MISMATCH),
 * where the engine knows it.
 */
public final class VihfCallers {
    private static final String DMP_URN = "urn:dmp";
    /** A VIHF nests a few levels (Assertion, AttributeStatement, Attribute, AttributeValue, Role). */
    private static final int MAX_DEPTH = 32;
    private final VihfVerifier verifier;

    /** Creates the component around a verifier trusting the test CA. */
    public VihfCallers(VihfVerifier verifier) {
        this.verifier = verifier;
    }

    /**
     * @param authorization the Authorization header, if any
     * @param tlsClientCertificate the TLS client certificate of the connection, if any
     * @return the verified caller
     * @throws FhirException 401/403 when there is no credential or the VIHF is refused
     */
    public Caller read(Optional<String> authorization, Optional<X509Certificate> tlsClientCertificate) {
        if (authorization.isEmpty() || authorization.get().isBlank()) {
            throw FhirException.of(401, "login", "CREDENTIAL_MISSING",
                    "a signed VIHF is required (Authorization: IHE-SAML or Bearer)", "");
        }
        Optional<byte[]> xml = VihfVerifier.assertionFromHeader(authorization.get());
        if (xml.isEmpty()) {
            throw FhirException.of(401, "login", "INVALID_CREDENTIAL",
                    "the Authorization header carries no encoded VIHF assertion", "");
        }
        if (XmlDepth.deeperThan(xml.get(), MAX_DEPTH)) {
            throw FhirException.of(401, "login", "INVALID_CREDENTIAL", "the VIHF nests too deep", "");
        }
        VihfVerification result = verifier.verify(xml.get(), tlsClientCertificate, Optional.empty());
        if (result instanceof VihfVerification.Refused refused) {
            throw refusal(refused.failure());
        }
        VerifiedCaller caller = ((VihfVerification.Accepted) result).caller();
        requireDmpPatient(caller);
        return toCaller(caller);
    }

    /**
     * DMPi: the assertion found in {@code wsse:Security}, verified as the FHIR side's.
     *
     * @param xml the assertion bytes as received (serialized from the SOAP header)
     * @param tlsClientCertificate the TLS client certificate of the connection, if any
     * @param patientRequired whether the operation names a patient (every DMPi call except TD0.4)
     * @return the verified caller
     * @throws FhirException 401/403 when the VIHF is refused
     */
    public Caller readAssertion(byte[] xml, Optional<X509Certificate> tlsClientCertificate, boolean patientRequired) {
        if (XmlDepth.deeperThan(xml, MAX_DEPTH)) {
            throw FhirException.of(401, "login", "INVALID_CREDENTIAL", "the VIHF nests too deep", "");
        }
        VihfVerification result = verifier.verify(xml, tlsClientCertificate, Optional.empty());
        if (result instanceof VihfVerification.Refused refused) {
            throw refusal(refused.failure());
        }
        VerifiedCaller caller = ((VihfVerification.Accepted) result).caller();
        if (patientRequired) {
            requireDmpPatient(caller);
        } else if (!DMP_URN.equals(caller.resourceUrn())) {
            throw FhirException.of(403, "forbidden", "VIHF_NOT_FOR_DMP",
                    "the VIHF was not issued for the DMP (Ressource_URN must be urn:dmp)", "Ressource_URN");
        }
        return toCaller(caller);
    }

    /**
     * A DMP request needs a VIHF issued for the DMP ({@code Ressource_URN} {@value #DMP_URN}) that names
     * the patient ({@code resource-id}): a VIHF for another service (e.g. the INSi) or without patient
     * opens no record (403 {@code VIHF_NOT_FOR_DMP} / {@code VIHF_NO_PATIENT}).
     */
    static void requireDmpPatient(VerifiedCaller caller) {
        if (!DMP_URN.equals(caller.resourceUrn())) {
            throw FhirException.of(403, "forbidden", "VIHF_NOT_FOR_DMP",
                    "the VIHF was not issued for the DMP (Ressource_URN must be urn:dmp)", "Ressource_URN");
        }
        if (caller.patientCx().map(String::isBlank).orElse(true)) {
            throw FhirException.of(403, "forbidden", "VIHF_NO_PATIENT",
                    "a DMP request needs a VIHF naming the patient (resource-id)",
                    "urn:oasis:names:tc:xacml:2.0:resource:resource-id");
        }
    }

    /**
     * @return 403 for a patient or access-mode refusal (incl. bris de glace without reason, as in
     *     OFF mode), 401 for every other failure; the rule id is
     *     the failure code, with {@code :<attribute>} for attribute failures ({@code VihfFailure})
     */
    static FhirException refusal(VihfFailure failure) {
        boolean forbidden = switch (failure.code()) {
            case VIHF_PATIENT_MISMATCH, VIHF_MODE_ACCES_FORBIDDEN -> true;
            case VIHF_ATTRIBUTE_MISSING -> failure.attribute().filter("Mode_Acces_Raison"::equals).isPresent();
            default -> false;
        };
        String code = failure.code() == VihfFailure.Code.VIHF_PATIENT_MISMATCH ? "PATIENT_MISMATCH"
                : attributeFailure(failure.code()) ? failure.codeAndAttribute() : failure.code().name();
        return FhirException.of(forbidden ? 403 : 401, forbidden ? "forbidden" : "security", code,
                failure.message(), failure.attribute().orElse(""));
    }

    private static boolean attributeFailure(VihfFailure.Code code) {
        return code == VihfFailure.Code.VIHF_ATTRIBUTE_MISSING || code == VihfFailure.Code.VIHF_ATTRIBUTE_INVALID;
    }

    /**
     * The same attributes the OFF mode reads from the JWT (see {@link CallerReader}); the VIHF has a
     * single display name ({@code subject-id}), kept as the family name (no access rule reads names).
     */
    private static Caller toCaller(VerifiedCaller v) {
        String profession = v.roles().isEmpty() ? "10" : v.roles().get(0).code();
        String specialty = v.roles().size() > 1 ? v.roles().get(1).code() : "";
        String sector = codeOf(v.secteurActivite());
        FakeProfessional pro = FakeProfessional.of(v.nameId(), "", v.displayName(), v.structureId().orElse(""),
                profession.isBlank() ? "10" : profession, specialty, sector, v.authenticationMode());
        AccessMode mode = v.accessMode();
        return new Caller(pro, mode, v.accessReason(), v.patientCx().map(CallerReader::matriculeOfCx));
    }

    private static String codeOf(String codeCaretSystem) {
        int caret = codeCaretSystem.indexOf('^');
        return caret < 0 ? codeCaretSystem : codeCaretSystem.substring(0, caret);
    }
}
