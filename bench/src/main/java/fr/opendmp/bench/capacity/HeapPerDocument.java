package fr.opendmp.bench.capacity;

import fr.opendmp.bench.fixture.SeededFake;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Figure 4 (memory): heap retained by the fake per stored document (its DocumentReference as
 * served, search fields, a 150-byte CDA), as the used heap after full GCs, after seeding minus
 * before, divided by the number of documents.
 */
public final class HeapPerDocument {

    private HeapPerDocument() {
    }

    /**
     * Seeds the fake {@link SeededFake#shared shared} with figures 2 and 4 (4 handler threads), so
     * that in the quick mode the 100,000 documents are seeded once; {@link SeededFake#release()}
     * closes it unless the suite keeps it.
     *
     * @param patients patients to seed
     * @param perPatient documents per patient
     * @return bytes per document
     */
    public static double measure(int patients, int perPatient) {
        long before = usedAfterGc();
        SeededFake seeded = SeededFake.shared(patients, perPatient, 4);
        long after = usedAfterGc();
        double perDocument = (after - before) / (double) seeded.fake().documentCount();
        SeededFake.release();
        return perDocument;
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
