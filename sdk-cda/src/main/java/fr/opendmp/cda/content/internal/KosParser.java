package fr.opendmp.cda.content.internal;

import fr.opendmp.cda.content.ContentKindException;
import fr.opendmp.cda.content.ImagingStudy;
import fr.opendmp.cda.content.KosManifest;
import fr.opendmp.cda.content.Unreadable;
import fr.opendmp.core.code.Code;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A minimal DICOM Part 10 reader for KOS manifests: little endian, explicit or implicit VR, defined
 * or undefined lengths, bounded nesting; only the evidence sequence is interpreted.
 */
public final class KosParser {

    static final String EXPECTED = "DICOM KOS manifest (Part 10)";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    static final String DCMUID = "urn:oid:1.2.840.10008.2.6.1";

    static final int EVIDENCE = 0x0040A375;
    static final int STUDY_UID = 0x0020000D;
    static final int SERIES_SEQ = 0x00081115;
    static final int SERIES_UID = 0x0020000E;
    static final int RETRIEVE_LOCATION = 0x0040E011;
    static final int RETRIEVE_URL = 0x00081190;
    static final int SOP_SEQ = 0x00081199;
    static final int SOP_CLASS = 0x00081150;
    static final int SOP_INSTANCE = 0x00081155;
    static final int TRANSFER_SYNTAX = 0x00020010;

    private static final Pattern UID = Pattern.compile("[0-9.]{1,64}");
    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_END = 0xFFFEE00D;
    private static final int SEQ_END = 0xFFFEE0DD;
    private static final int MAX_DEPTH = 16;
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN",
            "UR", "UT", "UV");
    /** The sequences of a KOS an implicit VR file may give a defined length to. */
    private static final Set<Integer> SQ_TAGS = Set.of(EVIDENCE, SERIES_SEQ, SOP_SEQ, 0x0040A730, 0x0040A043,
            0x0040A504, 0x00081032, 0x0040A370, 0x00081111, 0x0040A168);

    private final byte[] b;
    private int pos;
    private boolean explicit = true;

    private KosParser(byte[] b, int pos) {
        this.b = b;
        this.pos = pos;
    }

    /** @return the manifest of a DICOM Part 10 file */
    public static KosManifest parse(byte[] dicom) {
        if (dicom.length > KosManifest.MAX_BYTES) {
            throw new ContentKindException(EXPECTED, "a file of " + dicom.length + " bytes, over the limit");
        }
        if (dicom.length < 132 || !"DICM".equals(new String(dicom, 128, 4, StandardCharsets.US_ASCII))) {
            throw new ContentKindException(EXPECTED, "not a DICOM Part 10 file (no DICM marker)");
        }
        KosParser p = new KosParser(dicom, 132);
        List<Unreadable> bad = new ArrayList<>();
        Map<Integer, Object> meta = new LinkedHashMap<>();
        Map<Integer, Object> ds = new LinkedHashMap<>();
        try {
            while (p.pos + 4 <= dicom.length && p.u16(p.pos) == 0x0002) {
                p.element(meta, 0);
            }
            String ts = string(meta, TRANSFER_SYNTAX).orElse("");
            if (IMPLICIT_LE.equals(ts)) {
                p.explicit = false;
            } else if (!EXPLICIT_LE.equals(ts)) {
                throw new ContentKindException(EXPECTED, "transfer syntax " + shown(ts)
                        + " (only little endian explicit or implicit VR is read)");
            }
            while (p.pos < dicom.length) {
                p.element(ds, 0);
            }
        } catch (Fault f) {
            bad.add(new Unreadable("DICOM dataset", f.getMessage()));
        }
        return new KosManifest(studies(ds, bad), bad);
    }

    /** A transfer syntax is quoted only when it is a UID: a lying length reads on into the patient module. */
    private static String shown(String transferSyntax) {
        if (transferSyntax.isEmpty()) {
            return "(none)";
        }
        return UID.matcher(transferSyntax).matches() ? transferSyntax : "(not a UID)";
    }

    private static List<ImagingStudy> studies(Map<Integer, Object> ds, List<Unreadable> bad) {
        List<ImagingStudy> out = new ArrayList<>();
        List<Map<Integer, Object>> evidence = seq(ds, EVIDENCE);
        if (evidence.isEmpty() && bad.isEmpty()) {
            bad.add(new Unreadable("(0040,A375)", "no Current Requested Procedure Evidence Sequence"));
        }
        for (int i = 0; i < evidence.size(); i++) {
            Map<Integer, Object> study = evidence.get(i);
            String where = "(0040,A375) item " + (i + 1);
            Optional<String> uid = string(study, STUDY_UID);
            if (uid.isEmpty()) {
                bad.add(new Unreadable(where, "no Study Instance UID"));
                continue;
            }
            List<ImagingStudy.Series> series = new ArrayList<>();
            List<Map<Integer, Object>> seriesItems = seq(study, SERIES_SEQ);
            for (int j = 0; j < seriesItems.size(); j++) {
                Map<Integer, Object> s = seriesItems.get(j);
                Optional<String> seriesUid = string(s, SERIES_UID);
                if (seriesUid.isEmpty()) {
                    bad.add(new Unreadable(where + " > (0008,1115) item " + (j + 1), "no Series Instance UID"));
                    continue;
                }
                List<ImagingStudy.Instance> instances = new ArrayList<>();
                String at = where + " > (0008,1115) item " + (j + 1);
                for (Map<Integer, Object> sop : seq(s, SOP_SEQ)) {
                    string(sop, SOP_INSTANCE).ifPresentOrElse(u -> instances.add(new ImagingStudy.Instance(u,
                            string(sop, SOP_CLASS).map(c -> Code.of(DCMUID, c)), string(sop, RETRIEVE_URL))),
                            () -> bad.add(new Unreadable(at, "an instance without SOP Instance UID")));
                }
                series.add(new ImagingStudy.Series(seriesUid.get(), Optional.empty(), string(s, RETRIEVE_LOCATION),
                        string(s, RETRIEVE_URL), instances));
            }
            out.add(new ImagingStudy(uid.get(), Optional.empty(), series));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<Integer, Object>> seq(Map<Integer, Object> ds, int tag) {
        return ds.get(tag) instanceof List<?> l ? (List<Map<Integer, Object>>) l : List.of();
    }

    private static Optional<String> string(Map<Integer, Object> ds, int tag) {
        if (!(ds.get(tag) instanceof byte[] v)) {
            return Optional.empty();
        }
        String s = new String(v, StandardCharsets.ISO_8859_1).replace('\0', ' ').trim();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private void element(Map<Integer, Object> into, int depth) {
        int tag = tag();
        if ((tag >>> 16) == 0xFFFE) {
            throw new Fault("an item or delimiter outside a sequence at byte " + (pos - 4));
        }
        String vr;
        long len;
        if (explicit || (tag >>> 16) == 0x0002) {
            need(2);
            vr = new String(b, pos, 2, StandardCharsets.US_ASCII);
            pos += 2;
            if (LONG_VRS.contains(vr)) {
                need(2);
                pos += 2;
                len = u32();
            } else {
                len = u16();
            }
        } else {
            vr = SQ_TAGS.contains(tag) ? "SQ" : "UN";
            len = u32();
        }
        if ("SQ".equals(vr) || len == UNDEFINED) {
            into.put(tag, items(len, depth + 1));
        } else {
            need(len);
            byte[] v = new byte[(int) len];
            System.arraycopy(b, pos, v, 0, (int) len);
            pos += (int) len;
            into.put(tag, v);
        }
    }

    private List<Map<Integer, Object>> items(long len, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Fault("sequences nested deeper than " + MAX_DEPTH);
        }
        if (len != UNDEFINED) {
            need(len);
        }
        long end = len == UNDEFINED ? -1 : pos + len;
        List<Map<Integer, Object>> out = new ArrayList<>();
        while (end < 0 || pos < end) {
            int tag = tag();
            long itemLen = u32();
            if (tag == SEQ_END) {
                break;
            }
            if (tag != ITEM) {
                throw new Fault("a sequence holds something other than items at byte " + (pos - 8));
            }
            Map<Integer, Object> item = new LinkedHashMap<>();
            if (itemLen == UNDEFINED) {
                while (true) {
                    need(4);
                    if (u16(pos) == 0xFFFE && u16(pos + 2) == 0xE00D) {
                        pos += 8;
                        break;
                    }
                    element(item, depth);
                }
            } else {
                need(itemLen);
                long itemEnd = pos + itemLen;
                while (pos < itemEnd) {
                    element(item, depth);
                }
            }
            out.add(item);
        }
        return out;
    }

    private int tag() {
        int group = u16();
        int elem = u16();
        return group << 16 | elem;
    }

    private int u16() {
        need(2);
        int v = u16(pos);
        pos += 2;
        return v;
    }

    private int u16(int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private long u32() {
        need(4);
        long v = (b[pos] & 0xFFL) | (b[pos + 1] & 0xFFL) << 8 | (b[pos + 2] & 0xFFL) << 16 | (b[pos + 3] & 0xFFL) << 24;
        pos += 4;
        return v;
    }

    private void need(long n) {
        if (n < 0 || pos + n > b.length) {
            throw new Fault("truncated: " + n + " bytes needed at byte " + pos + " of " + b.length);
        }
    }

    /** A structural fault: what was read before it is kept. */
    private static final class Fault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Fault(String message) {
            super(message, null, false, false);
        }
    }
}
