/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.zmqspring.support;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit tests of {@link LogRateLimiter}, on a clock the test moves.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LogRateLimiterTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final LogRateLimiter limiter = new LogRateLimiter(Duration.ofSeconds(10), this.now::get);

	@Test
	void firstLineOfAKeyPassesWithNothingSuppressed() {
		LogRateLimiter.Permit permit = this.limiter.tryAcquire("a");
		assertThat(permit).isNotNull();
		assertThat(permit.suppressed()).isZero();
		assertThat(permit.suffix()).isEmpty();
	}

	@Test
	void linesWithinTheIntervalAreSuppressedAndCountedInTheNextLine() {
		assertThat(this.limiter.tryAcquire("a")).isNotNull();
		for (int i = 0; i < 37; i++) {
			advance(Duration.ofMillis(100));
			assertThat(this.limiter.tryAcquire("a")).isNull();
		}
		advance(Duration.ofMillis(6200));
		assertThat(this.limiter.tryAcquire("a")).isNull();
		advance(Duration.ofSeconds(3));
		LogRateLimiter.Permit permit = this.limiter.tryAcquire("a");
		assertThat(permit).isNotNull();
		assertThat(permit.suppressed()).isEqualTo(38);
		assertThat(permit.since()).isEqualTo(Duration.ofMillis(12_900));
		assertThat(permit.suffix()).isEqualTo(" (38 similar suppressed in the last 13s)");
		advance(Duration.ofSeconds(10));
		LogRateLimiter.Permit quiet = this.limiter.tryAcquire("a");
		assertThat(quiet).isNotNull();
		assertThat(quiet.suffix()).as("nothing suppressed since the last line").isEmpty();
	}

	@Test
	void keysHaveWindowsOfTheirOwn() {
		assertThat(this.limiter.tryAcquire("listener-a/failed")).isNotNull();
		assertThat(this.limiter.tryAcquire("listener-a/rejected")).isNotNull();
		assertThat(this.limiter.tryAcquire("listener-b/failed")).isNotNull();
		assertThat(this.limiter.tryAcquire("listener-a/failed")).isNull();
	}

	@Test
	void aLineExactlyOneIntervalLaterPasses() {
		assertThat(this.limiter.tryAcquire("a")).isNotNull();
		advance(Duration.ofSeconds(10).minusNanos(1));
		assertThat(this.limiter.tryAcquire("a")).isNull();
		advance(Duration.ofNanos(1));
		assertThat(this.limiter.tryAcquire("a")).isNotNull();
	}

	@Test
	void clockValuesNearOverflowStillWork() {
		this.now.set(Long.MAX_VALUE - Duration.ofSeconds(5).toNanos());
		assertThat(this.limiter.tryAcquire("a")).isNotNull();
		advance(Duration.ofSeconds(9));
		assertThat(this.limiter.tryAcquire("a")).isNull();
		advance(Duration.ofSeconds(1));
		assertThat(this.limiter.tryAcquire("a")).isNotNull();
	}

	@Test
	void keysBeyondTheLimitShareOneWindow() {
		for (int i = 0; i < LogRateLimiter.MAX_KEYS; i++) {
			assertThat(this.limiter.tryAcquire("key-" + i)).isNotNull();
		}
		assertThat(this.limiter.tryAcquire("one-more")).isNotNull();
		assertThat(this.limiter.tryAcquire("and-another")).as("shares the overflow window").isNull();
		assertThat(this.limiter.tryAcquire("key-0")).as("known keys keep their windows").isNull();
	}

	@Test
	void concurrentCallersGetExactlyOnePermitPerIntervalAndEveryOtherCallIsCounted() throws Exception {
		int threads = 4;
		int callsPerThread = 10_000;
		AtomicInteger permits = new AtomicInteger();
		AtomicLong reported = new AtomicLong();
		CountDownLatch start = new CountDownLatch(1);
		Thread[] callers = new Thread[threads];
		for (int t = 0; t < threads; t++) {
			callers[t] = new Thread(() -> {
				awaitQuietly(start);
				for (int i = 0; i < callsPerThread; i++) {
					LogRateLimiter.Permit permit = this.limiter.tryAcquire("a");
					if (permit != null) {
						permits.incrementAndGet();
						reported.addAndGet(permit.suppressed());
					}
				}
			}, "log-rate-limiter-test-" + t);
			callers[t].start();
		}
		start.countDown();
		for (Thread caller : callers) {
			caller.join(TimeUnit.SECONDS.toMillis(30));
			assertThat(caller.isAlive()).isFalse();
		}
		assertThat(permits).hasValue(1);
		advance(Duration.ofSeconds(10));
		LogRateLimiter.Permit next = this.limiter.tryAcquire("a");
		assertThat(next).isNotNull();
		// a call suppressed while the permit holder collects the count may be reported
		// with that permit rather than the next one; none is lost
		assertThat(reported.get() + next.suppressed()).isEqualTo(threads * callsPerThread - 1L);
	}

	@Test
	void defaultIntervalIsTenSeconds() {
		assertThat(LogRateLimiter.DEFAULT_INTERVAL).isEqualTo(Duration.ofSeconds(10));
		LogRateLimiter real = new LogRateLimiter();
		assertThat(real.tryAcquire("a")).isNotNull();
		assertThat(real.tryAcquire("a")).isNull();
	}

	private void advance(Duration duration) {
		this.now.addAndGet(duration.toNanos());
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
