package fr.opendmp.core.document;

/**
 * Where a document is going, which decides which ANS value sets its typeCode and classCode must
 * belong to when {@link ValueSetCheck#STRICT} is asked.
 *
 * <p>{@link DocumentMetadata.Builder#target(DocumentTarget)} defaults to {@link #DMP}: this SDK
 * deposits in the DMP, and the DMP accepts fewer types than the CI-SIS lists (108 of 142 in the
 * ANS tables).
 */
public enum DocumentTarget {
    /**
     * The DMP: the typeCode must be in JDV_J66-TypeCode-DMP and the classCode in
     * JDV_J57-ClassCode-DMP (the class comes from the ANS table ASS_X16). A type outside J66 is a
     * {@link DocumentTypeException} with reason {@link DocumentTypeException.Reason#NOT_ALLOWED_IN_DMP}.
     */
    DMP,
    /**
     * Another CI-SIS exchange (MSSanté, a regional platform…): the typeCode must be in
     * JDV_J07-XdsTypeCode-CISIS and the classCode in JDV_J06-XdsClassCode-CISIS (the class comes
     * from the ANS table ASS_X04). J66 is not checked.
     */
    CI_SIS
}
