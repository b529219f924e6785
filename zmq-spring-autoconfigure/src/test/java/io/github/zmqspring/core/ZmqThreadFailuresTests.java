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

package io.github.zmqspring.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zeromq.SocketType;
import org.zeromq.ZContext;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ZmqThreadFailures}: the handlers it installs, called the way JeroMQ
 * calls them ({@code ZmqThreadFailureIntegrationTests} provokes them for real), for what
 * a real failure cannot show cheaply: the chaining to the previous handler, the rate
 * limit of notifications and the escaping of thread names.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
@ExtendWith(OutputCaptureExtension.class)
class ZmqThreadFailuresTests {

	private final MutableClock clock = new MutableClock();

	private final ZmqThreadFailures failures = new ZmqThreadFailures(this.clock);

	@Test
	void installedHandlersReachThisRecordAndThePreviousHandler() {
		List<Throwable> previous = new ArrayList<>();
		try (ZContext context = new ZContext()) {
			context.setUncaughtExceptionHandler((thread, ex) -> previous.add(ex));
			this.failures.install(context);
			OutOfMemoryError error = new OutOfMemoryError("Java heap space");
			context.getUncaughtExceptionHandler().uncaughtException(new Thread("iothread-2"), error);
			context.getNotificationExceptionHandler()
				.uncaughtException(new Thread("iothread-2"), new IllegalStateException());
			assertThat(previous).containsExactly(error);
			assertThat(this.failures.getFailures()).singleElement().satisfies((failure) -> {
				assertThat(failure.thread()).isEqualTo("iothread-2");
				assertThat(failure.error()).isEqualTo("java.lang.OutOfMemoryError");
				assertThat(failure.time()).isEqualTo(this.clock.instant());
			});
			assertThat(this.failures.describe()).isEqualTo("iothread-2 (java.lang.OutOfMemoryError)");
			assertThat(this.failures.getNotificationCount()).isOne();
		}
	}

	@Test
	void installAfterTheFirstSocketIsRefusedByJeroMq() {
		try (ZContext context = new ZContext()) {
			context.createSocket(SocketType.PULL).close();
			assertThatIllegalStateException().isThrownBy(() -> this.failures.install(context));
		}
	}

	@Test
	void notificationsWarnAtMostOnceAMinute(CapturedOutput output) {
		Thread ioThread = new Thread("iothread-3");
		this.failures.notified(ioThread, new IllegalStateException("first"));
		this.failures.notified(ioThread, new IllegalStateException("second"));
		this.failures.notified(ioThread, new IllegalStateException("third"));
		assertThat(countWarnings(output)).isOne();
		this.clock.advance(Duration.ofMinutes(1));
		this.failures.notified(ioThread, new IllegalStateException("fourth"));
		assertThat(countWarnings(output)).isEqualTo(2);
		assertThat(output.getAll()).contains("(2 similar reports logged at DEBUG in the last minute)");
		assertThat(this.failures.getNotificationCount()).isEqualTo(4);
		assertThat(this.failures.hasFailures()).isFalse();
	}

	@Test
	void threadNamesAreKeptPrintableAndShort() {
		this.failures.threadDied(new Thread("evil\u001b[31m\nname" + "x".repeat(100)), new StackOverflowError(), null);
		String name = this.failures.getFailures().get(0).thread();
		assertThat(name).startsWith("evil?[31m?name").hasSize(64).matches("[\\x20-\\x7e]+");
	}

	private static long countWarnings(CapturedOutput output) {
		return output.getAll().lines().filter((line) -> line.contains("WARN") && line.contains("recovered")).count();
	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
