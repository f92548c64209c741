package in.mdm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTests {

    @TempDir
    Path dir;

    @Test
    void aRebuiltJarWithTheSameContentKeepsItsKey() throws IOException {
        Path first = jar("first.jar", Instant.parse("2026-01-01T00:00:00Z"), "class A {}");
        Path rebuilt = jar("rebuilt.jar", Instant.parse("2026-02-01T10:00:00Z"), "class A {}");
        Files.setLastModifiedTime(rebuilt, FileTime.from(Instant.parse("2026-02-01T10:00:00Z")));

        assertThat(AotCache.contentKey(rebuilt)).isEqualTo(AotCache.contentKey(first));
    }

    @Test
    void aJarWithOtherContentGetsAnotherKey() throws IOException {
        Path first = jar("first.jar", Instant.parse("2026-01-01T00:00:00Z"), "class A {}");
        Path changed = jar("changed.jar", Instant.parse("2026-01-01T00:00:00Z"), "class A { int b; }");

        assertThat(AotCache.contentKey(changed)).isNotEqualTo(AotCache.contentKey(first)).hasSize(24);
    }

    private Path jar(String name, Instant time, String content) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String entry : new String[] { "META-INF/MANIFEST.MF", "BOOT-INF/classes/A.class" }) {
                ZipEntry zipEntry = new ZipEntry(entry);
                zipEntry.setLastModifiedTime(FileTime.from(time));
                zip.putNextEntry(zipEntry);
                zip.write(
                        (entry.endsWith(".MF") ? "Manifest-Version: 1.0\n" : content).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

}
