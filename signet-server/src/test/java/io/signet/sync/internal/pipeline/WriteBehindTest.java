package io.signet.sync.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class WriteBehindTest {

    @Test
    void writesRunInTheOrderGivenAndTheirAnswersReachTheCaller() {
        List<Integer> answers = new ArrayList<>();
        List<Integer> order = java.util.Collections.synchronizedList(new ArrayList<>());
        try (WriteBehind<Integer> writes = new WriteBehind<>("test-writes", 2, answers::add)) {
            for (int i = 0; i < 50; i++) {
                int n = i;
                writes.submit(() -> {
                    order.add(n);
                    return n * 10;
                });
            }
            writes.finish();
        }
        assertThat(order).isSortedAccordingTo(Integer::compare).hasSize(50);
        assertThat(answers).hasSize(50).startsWith(0, 10, 20).endsWith(490);
    }

    @Test
    void theCallerWaitsWhenAsManyWritesAsTheDepthArePending() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger submitted = new AtomicInteger();
        try (WriteBehind<Void> writes = new WriteBehind<>("test-writes", 2, v -> {
        })) {
            Thread caller = new Thread(() -> {
                for (int i = 0; i < 4; i++) {
                    writes.submit(() -> {
                        release.await();
                        return null;
                    });
                    submitted.incrementAndGet();
                }
            });
            caller.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (submitted.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(200);
            assertThat(submitted.get()).as("two pending writes stop the third submission").isEqualTo(2);
            release.countDown();
            caller.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(submitted.get()).isEqualTo(4);
            writes.finish();
        }
    }

    @Test
    void aFailedWriteSurfacesInTheCallerAndWritesQueuedBehindItAreNotRun() {
        AtomicInteger ran = new AtomicInteger();
        assertThatThrownBy(() -> {
            try (WriteBehind<Void> writes = new WriteBehind<>("test-writes", 2, v -> {
            })) {
                writes.submit(() -> {
                    throw new IllegalArgumentException("duplicate address");
                });
                writes.submit(() -> {
                    ran.incrementAndGet();
                    return null;
                });
                writes.submit(() -> {
                    ran.incrementAndGet();
                    return null;
                });
                writes.finish();
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessage("duplicate address");
        assertThat(ran.get()).isZero();
    }
}
