package in.mdm.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import in.mdm.platform.web.ApiException;

class UploadJobsTests {

    private final UploadJobs uploads = new UploadJobs("upload-test", 2);

    @Test
    void theJobReadsTheKeptFileWithItsProgressAndTheFileIsGoneAfterIt() throws Exception {
        byte[] body = "a,b\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
        AtomicReference<Path> kept = new AtomicReference<>();
        List<Integer> percents = new CopyOnWriteArrayList<>();
        CompletableFuture<Long> read = new CompletableFuture<>();
        String answer = uploads.submit(new ByteArrayInputStream(body), "test.empty", file -> {
            kept.set(file);
            assertThat(Files.size(file)).isEqualTo(body.length);
            return new UploadJobs.Accepted<>("queued", upload -> {
                percents.add(upload.percent());
                byte[] half = upload.stream().readNBytes(body.length / 2);
                percents.add(upload.percent());
                read.complete(half.length + upload.stream().transferTo(java.io.OutputStream.nullOutputStream()));
                percents.add(upload.percent());
            });
        });
        assertThat(answer).isEqualTo("queued");
        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(body.length);
        awaitGone(kept.get());
        assertThat(percents).containsExactly(0, 50, 99);
    }

    @Test
    void anEmptyBodyIsA400AndARefusedOneLeavesNoFile() throws Exception {
        assertThatThrownBy(() -> uploads.submit(new ByteArrayInputStream(new byte[0]), "test.empty", file -> {
            throw new AssertionError("checks are not reached for an empty file");
        })).isInstanceOfSatisfying(ApiException.class, ex -> {
            assertThat(ex.code()).isEqualTo("test.empty");
            assertThat(ex.getStatusCode().value()).isEqualTo(400);
        });
        AtomicReference<Path> kept = new AtomicReference<>();
        assertThatThrownBy(() -> uploads.submit(new ByteArrayInputStream(new byte[] { 1 }), "test.empty", file -> {
            kept.set(file);
            throw ApiException.badRequest("test.bad-header", "no header");
        })).isInstanceOf(ApiException.class);
        assertThat(kept.get()).doesNotExist();
    }

    @Test
    void aJobThatFailsStillLeavesNoFile() throws Exception {
        AtomicReference<Path> kept = new AtomicReference<>();
        uploads.submit(new ByteArrayInputStream(new byte[] { 1, 2, 3 }), "test.empty", file -> {
            kept.set(file);
            return new UploadJobs.Accepted<>("queued", upload -> {
                throw new IllegalStateException("the job broke");
            });
        });
        awaitGone(kept.get());
    }

    @Test
    void aSubmissionBeyondTheRunningJobsAnswersAtOnceAndItsJobWaitsItsTurn() throws Exception {
        UploadJobs one = new UploadJobs("upload-test-one", 1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch firstStarted = new java.util.concurrent.CountDownLatch(1);
        CompletableFuture<Boolean> secondRan = new CompletableFuture<>();
        one.submit(new ByteArrayInputStream(new byte[] { 1 }), "test.empty",
                file -> new UploadJobs.Accepted<>("first", upload -> {
                    firstStarted.countDown();
                    release.await();
                }));
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> {
            try {
                return one.submit(new ByteArrayInputStream(new byte[] { 2 }), "test.empty",
                        file -> new UploadJobs.Accepted<>("second", upload -> secondRan.complete(true)));
            }
            catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
        assertThat(second.get(5, TimeUnit.SECONDS)).as("the request is answered while the first job runs")
            .isEqualTo("second");
        Thread.sleep(300);
        assertThat(secondRan).as("its job waits for the running one").isNotDone();
        release.countDown();
        assertThat(secondRan.get(10, TimeUnit.SECONDS)).isTrue();
    }

    private static void awaitGone(Path file) throws InterruptedException {
        for (int i = 0; i < 100 && Files.exists(file); i++) {
            Thread.sleep(50);
        }
        assertThat(file).doesNotExist();
    }

}
