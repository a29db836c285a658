package fr.opendmp.cda.validate.internal;

/** Creates the Saxon runner; only called after checking that Saxon is on the classpath. */
final class SaxonSchematronFactory {

    /** The SchXslt 2.0 pipeline (include, expand, compile to SVRL-producing XSLT). */
    static final String PIPELINE = "/xslt/2.0/pipeline-for-svrl.xsl";

    private SaxonSchematronFactory() {
    }

    static SchematronRunner create() {
        return new SaxonSchematron();
    }
}
