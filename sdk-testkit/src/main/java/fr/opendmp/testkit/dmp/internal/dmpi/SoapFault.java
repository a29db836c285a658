package fr.opendmp.testkit.dmp.internal.dmpi;

/**
 * A SOAP 1.2 fault to answer: {@code soap:Code/soap:Value} ({@code Sender}, {@code Receiver},
 * {@code MustUnderstand}, {@code VersionMismatch}), an optional subcode, a reason. The rule id is
 * the subcode's local name (namespace {@code urn:opendmp:fake:error}) unless a real DMP or WS-A
 * subcode is given.
 */
final class SoapFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final String subcodeNs;
    private final String subcode;
    private final String ruleId;
    private final int httpStatus;

    SoapFault(String code, String subcodeNs, String subcode, String ruleId, String reason) {
        this(code, subcodeNs, subcode, ruleId, reason, 0);
    }

    SoapFault(String code, String subcodeNs, String subcode, String ruleId, String reason, int httpStatus) {
        super(reason, null, false, false);
        this.code = code;
        this.subcodeNs = subcodeNs;
        this.subcode = subcode;
        this.ruleId = ruleId;
        this.httpStatus = httpStatus;
    }

    /** @return the HTTP status to answer, 0 for the default */
    int httpStatus() {
        return httpStatus;
    }

    /** @return a {@code soap:Sender} fault whose subcode is the fake's rule id */
    static SoapFault sender(String ruleId, String reason) {
        return new SoapFault("Sender", Ns.FAKE_ERROR, ruleId, ruleId, reason);
    }

    /** @return a {@code soap:Sender} fault with a WS-Addressing subcode */
    static SoapFault addressing(String subcode, String reason) {
        return new SoapFault("Sender", Ns.WSA, subcode, subcode, reason);
    }

    String code() {
        return code;
    }

    String subcodeNs() {
        return subcodeNs;
    }

    String subcode() {
        return subcode;
    }

    String ruleId() {
        return ruleId;
    }
}
