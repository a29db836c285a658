package fr.opendmp.core.document;

import fr.opendmp.core.code.Code;

import fr.opendmp.core.error.DmpClientException;
import java.util.Objects;

/**
 * The document's typeCode cannot be used: the ANS type→class tables do not know it, the DMP does
 * not accept it, or the class given for it is not the one the tables give. Raised before anything
 * is built or sent.
 *
 * <p>Client side, not retryable: change the type (or, for a type the tables do not know, give the
 * class explicitly). The message names the type code and the ANS table, never patient data.
 */
public final class DocumentTypeException extends DmpClientException {

    /** Why the type was refused. */
    public enum Reason {
        /** Neither ASS_X04 (CI-SIS) nor ASS_X16 (DMP) maps this type: no class can be derived. */
        UNKNOWN_TYPE,
        /** The target is the DMP and the type is not in JDV_J66-TypeCode-DMP. */
        NOT_ALLOWED_IN_DMP,
        /** The target is another CI-SIS exchange and the type is not (or no longer) in JDV_J07. */
        NOT_IN_CISIS_TYPES,
        /** A classCode was given that is not the class the ANS tables give for this type. */
        CLASS_MISMATCH
    }

    private static final long serialVersionUID = 1L;

    /** Serialized: see {@link #reason()}. */
    private final Reason reason;
    /** Serialized: see {@link #type()}. */
    private final Code type;

    /**
     * @param reason why the type was refused
     * @param type the refused typeCode
     * @param detail what was expected (table, class), without patient data
     */
    public DocumentTypeException(Reason reason, Code type, String detail) {
        super(Objects.requireNonNull(reason, "reason") + ": typeCode " + describe(type) + " " + detail,
                Details.of(hint(reason)), null);
        this.reason = reason;
        this.type = type;
    }

    /** @return why the type was refused */
    public Reason reason() {
        return reason;
    }

    /** @return the refused typeCode */
    public Code type() {
        return type;
    }

    private static String describe(Code type) {
        Objects.requireNonNull(type, "type");
        return type.systemOid().orElse(type.system()) + "|" + type.code();
    }

    private static String hint(Reason reason) {
        switch (reason) {
            case UNKNOWN_TYPE:
                return "use a typeCode of JDV_J07-XdsTypeCode-CISIS (TypeClassTable.ans().entries() lists them);"
                        + " for a type the receiver is known to accept, give its class with classCode(...) or"
                        + " TypeClassTable.with(type, class) and valueSetCheck(LENIENT)";
            case NOT_ALLOWED_IN_DMP:
                return "the DMP accepts only the typeCodes of JDV_J66-TypeCode-DMP: choose one of them"
                        + " (TypeClassTable.allowedInDmp), or set target(DocumentTarget.CI_SIS) for another exchange";
            case NOT_IN_CISIS_TYPES:
                return "use a current typeCode of JDV_J07-XdsTypeCode-CISIS";
            case CLASS_MISMATCH:
                return "leave classCode unset so that it is derived from the type, or fix the type";
            default:
                throw new IllegalStateException(reason.name());
        }
    }
}
