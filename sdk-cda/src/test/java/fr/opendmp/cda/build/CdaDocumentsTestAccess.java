package fr.opendmp.cda.build;

/** Gives other test packages the documents built in {@link CdaDocumentsTest}. */
public final class CdaDocumentsTestAccess {

    private CdaDocumentsTestAccess() {
    }

    /** @return the N1 test document */
    public static byte[] n1() {
        return CdaDocumentsTest.n1().toBytes();
    }

    /** @return the VSM test document */
    public static byte[] vsm() {
        return CdaDocumentsTest.vsm().toBytes();
    }

    /** @return the LDL-SES test document */
    public static byte[] ldlSes() {
        return CdaDocumentsTest.ldlSes().toBytes();
    }

    /** @return a VSM that replaces version 1 */
    public static byte[] replacement() {
        return CdaDocuments.vsm(fr.opendmp.cda.Fixtures.headerWithoutIds(fr.opendmp.cda.Fixtures.qualified(),
                        fr.opendmp.cda.Fixtures.AMBULATORY, fr.opendmp.cda.Fixtures.CABINET)
                .documentId(fr.opendmp.cda.InstanceId.of("1.2.250.1.999.1.1.8"))
                .replaces(fr.opendmp.cda.InstanceId.of("1.2.250.1.999.1.1.7"),
                        fr.opendmp.cda.InstanceId.of("1.2.250.1.999.1.1"), 1).build(),
                Vsm.builder().build()).toBytes();
    }
}
