package pl.ops.swiadczenia.ruleset;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A fingerprint of the code compiled rules depend on: the bytes of the fact classes the DRL imports
 * ({@code pl.ops.swiadczenia.fakty}) and the Drools version. Part of every compile-cache key, so a cached version is
 * never used with other fact classes or another engine.
 */
final class CodeFingerprint {
    static final String VALUE = compute();

    private CodeFingerprint() {
    }

    private static String compute() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(String.valueOf(org.drools.core.common.InternalFactHandle.class.getPackage().getImplementationVersion())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            ClassLoader cl = CodeFingerprint.class.getClassLoader();
            java.net.URL dir = cl.getResource("pl/ops/swiadczenia/fakty/");
            java.util.List<String> names = new java.util.ArrayList<>();
            if (dir != null && "file".equals(dir.getProtocol())) {
                try (var s = java.nio.file.Files.list(java.nio.file.Path.of(dir.toURI()))) {
                    s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class")).forEach(names::add);
                }
            } else if (dir != null && "jar".equals(dir.getProtocol())) {
                String jar = dir.getPath().substring("file:".length(), dir.getPath().indexOf('!'));
                try (var z = new java.util.zip.ZipFile(java.net.URLDecoder.decode(jar, java.nio.charset.StandardCharsets.UTF_8))) {
                    z.stream().map(java.util.zip.ZipEntry::getName)
                            .filter(n -> n.startsWith("pl/ops/swiadczenia/fakty/") && n.endsWith(".class"))
                            .forEach(n -> names.add(n.substring("pl/ops/swiadczenia/fakty/".length())));
                }
            }
            if (names.isEmpty()) {
                return "nocache" + System.nanoTime(); // unknown packaging: never reuse an entry
            }
            java.util.Collections.sort(names);
            for (String n : names) {
                md.update(n.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (InputStream in = cl.getResourceAsStream("pl/ops/swiadczenia/fakty/" + n)) {
                    md.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (Exception e) {
            return "nocache" + System.nanoTime();
        }
    }
}
