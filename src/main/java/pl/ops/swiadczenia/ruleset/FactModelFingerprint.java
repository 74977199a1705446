package pl.ops.swiadczenia.ruleset;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 over the <em>source</em> of the fact model ({@code pl.ops.swiadczenia.fakty}), the only Java that rules may
 * call. The build copies those sources into {@code fakty-src/} (pom.xml), so the fingerprint does not depend on the
 * compiler that built the classes: the same sources give the same legal-state hash on any JDK, and any change to
 * them changes every hash (replay then reports the difference instead of silently deciding otherwise).
 */
public final class FactModelFingerprint {
    public static final String VALUE = compute();

    private FactModelFingerprint() {
    }

    private static String compute() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ClassLoader cl = FactModelFingerprint.class.getClassLoader();
            java.net.URL dir = cl.getResource("fakty-src/");
            List<String> names = new ArrayList<>();
            if (dir != null && "file".equals(dir.getProtocol())) {
                try (var s = java.nio.file.Files.list(java.nio.file.Path.of(dir.toURI()))) {
                    s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java")).forEach(names::add);
                }
            } else if (dir != null && "jar".equals(dir.getProtocol())) {
                String path = dir.getPath();
                String jar = path.substring("file:".length(), path.indexOf('!'));
                try (var z = new java.util.zip.ZipFile(java.net.URLDecoder.decode(jar, StandardCharsets.UTF_8))) {
                    z.stream().map(java.util.zip.ZipEntry::getName)
                            .filter(n -> n.startsWith("fakty-src/") && n.endsWith(".java"))
                            .forEach(n -> names.add(n.substring("fakty-src/".length())));
                }
            }
            if (names.isEmpty()) {
                throw new IllegalStateException("fakty-src/ not found on the class path (pom.xml copies it)");
            }
            Collections.sort(names);
            for (String n : names) {
                md.update(n.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                try (InputStream in = cl.getResourceAsStream("fakty-src/" + n)) {
                    md.update(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (Exception e) {
            throw new IllegalStateException("cannot fingerprint the fact model: " + e, e);
        }
    }
}
