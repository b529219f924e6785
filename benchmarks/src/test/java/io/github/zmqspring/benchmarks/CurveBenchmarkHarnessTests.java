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

package io.github.zmqspring.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.zmqspring.security.ZmqAuthenticator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the CURVE benchmarks work without running them, with NULL and with CURVE: every
 * state is set up, one invocation streams a few high-water marks' worth of messages (all
 * counted as arrived) or one request gets its echo, and the state is torn down. With
 * CURVE a message only arrives once the handshake with the server's key succeeded.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CurveBenchmarkHarnessTests {

	private static final int MESSAGES = 3 * PushPullBenchmark.HWM;

	@ParameterizedTest
	@EnumSource(Security.class)
	void pushPullDeliversEveryMessageOnEachSide(Security security) {
		CurvePushPullBenchmark benchmark = new CurvePushPullBenchmark();
		CurvePushPullBenchmark.RawState raw = flow(new CurvePushPullBenchmark.RawState(), security);
		raw.setUp();
		try {
			assertThat(delivered((delivered) -> benchmark.raw(raw, delivered))).isEqualTo(MESSAGES);
			assertThat(raw.counter.get()).isEqualTo(MESSAGES);
			assertThat(raw.counter.last()).isEqualTo(raw.message);
		}
		finally {
			raw.tearDown();
		}
		CurvePushPullBenchmark.StarterState starter = flow(new CurvePushPullBenchmark.StarterState(), security);
		starter.setUp();
		try {
			assertThat(delivered((delivered) -> benchmark.starter(starter, delivered))).isEqualTo(MESSAGES);
			assertThat(starter.counter.get()).isEqualTo(MESSAGES);
			assertThat(starter.counter.last()).isEqualTo(starter.message);
			assertSecuredAsAsked(starter.fixture, security);
		}
		finally {
			starter.tearDown();
		}
	}

	@ParameterizedTest
	@EnumSource(Security.class)
	void sequentialRequestsGetTheirRepliesOnEachSide(Security security) {
		CurveRequestLatencyBenchmark benchmark = new CurveRequestLatencyBenchmark();
		CurveRequestLatencyBenchmark.RawState raw = latency(new CurveRequestLatencyBenchmark.RawState(), security);
		raw.setUp();
		try {
			assertThat(benchmark.raw(raw)).isEqualTo(raw.message);
			assertThat(benchmark.raw(raw)).isEqualTo(raw.message);
		}
		finally {
			raw.tearDown();
		}
		CurveRequestLatencyBenchmark.StarterState starter = latency(new CurveRequestLatencyBenchmark.StarterState(),
				security);
		starter.setUp();
		try {
			assertThat(benchmark.starter(starter)).isEqualTo(starter.message);
			assertThat(benchmark.starter(starter)).isEqualTo(starter.message);
			assertSecuredAsAsked(starter.fixture, security);
		}
		finally {
			starter.tearDown();
		}
	}

	@Test
	void curveStreamsFewerMessagesPerInvocationThanNull() {
		for (int size : new int[] { 100, 1024, 65536 }) {
			assertThat(CurvePushPullBenchmark.curveMessagesFor(Security.NULL, size))
				.isEqualTo(StreamingState.messagesFor(Transport.TCP, PayloadKind.BYTES, size))
				.isGreaterThan(CurvePushPullBenchmark.curveMessagesFor(Security.CURVE, size));
		}
	}

	/**
	 * With CURVE the listener is a CURVE server: its handshakes go through the starter's
	 * ZAP handler, which then runs; and since the template's messages arrived, the
	 * template is a CURVE client with an allowed key (a NULL client cannot talk to a
	 * CURVE server). With NULL no ZAP handler is needed.
	 */
	private static void assertSecuredAsAsked(StarterFixture fixture, Security security) {
		assertThat(fixture.bean(ZmqAuthenticator.class).isRunning()).isEqualTo(security == Security.CURVE);
	}

	private static long delivered(Consumer<Delivered> invocation) {
		Delivered delivered = new Delivered();
		delivered.reset();
		invocation.accept(delivered);
		return delivered.received;
	}

	private static <T extends CurvePushPullBenchmark.Flow> T flow(T state, Security security) {
		state.security = security;
		state.size = 100;
		state.messages = MESSAGES;
		return state;
	}

	private static <T extends CurveRequestLatencyBenchmark.Flow> T latency(T state, Security security) {
		state.security = security;
		state.size = 100;
		return state;
	}

}
