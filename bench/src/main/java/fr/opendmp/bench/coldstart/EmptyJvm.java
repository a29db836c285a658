package fr.opendmp.bench.coldstart;

/** Figure 3's floor: a fresh JVM on the same class path that does nothing. */
public final class EmptyJvm {

    private EmptyJvm() {
    }

    /** @param args unused */
    public static void main(String[] args) {
        System.exit(0);
    }
}
