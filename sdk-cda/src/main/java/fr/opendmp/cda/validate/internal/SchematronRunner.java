package fr.opendmp.cda.validate.internal;

import java.nio.file.Path;

/** Applies a compiled ISO schematron; the implementation needs Saxon-HE and is loaded only if present. */
public interface SchematronRunner {

    /**
     * Compiles the schematron once (cached by path), applies it, and adds its failed asserts as
     * errors and its successful reports as warnings.
     *
     * @param schematron the {@code .sch} file
     * @param xml the document
     * @param maxDepth the deepest element nesting accepted when parsing the document
     * @param issues where to add the findings
     */
    void apply(Path schematron, byte[] xml, int maxDepth, Issues issues);

    /** @return a Saxon-backed runner, or null when Saxon-HE or SchXslt is not on the classpath */
    static SchematronRunner createIfAvailable() {
        try {
            Class.forName("net.sf.saxon.s9api.Processor", false, SchematronRunner.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
        if (SchematronRunner.class.getResource(SaxonSchematronFactory.PIPELINE) == null) {
            return null;
        }
        return SaxonSchematronFactory.create();
    }
}
