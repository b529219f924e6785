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

package io.github.zmqspring.interop;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.core.ZmqRequestTimeoutException;
import io.github.zmqspring.core.ZmqTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@link ZmqTemplate} requests to pyzmq (libzmq) REP servers that crash (SIGKILL), come
 * back on the same port, or freeze (SIGSTOP).
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TemplateCrashRecoveryInteropTests {

	@BeforeAll
	static void pyzmq() {
		PythonPeer.assumePyzmq();
	}

	@Test
	void serverKilledMidRequestTimesOutAndARestartedServerAnswersTheNextRequest() throws Exception {
		try (PythonPeer first = PythonPeer.start("rep_server_named.py", "20", "A", "0", "5000")) {
			int port = first.port();
			ZmqTestSupport.runner()
				.withPropertyValues("zmq.endpoints.server.addresses=tcp://127.0.0.1:" + port)
				.run((context) -> {
					ZmqTemplate template = context.getBean(ZmqTemplate.class);
					assertThat(template.request("server", "hello", String.class, Duration.ofSeconds(5)))
						.isEqualTo("A:HELLO");
					assertThat(first.nextJson().get("request").asString()).isEqualTo("hello");
					Duration timeout = Duration.ofMillis(1500);
					long start = System.nanoTime();
					CompletableFuture<String> inFlight = template.requestAsync("server", "slow-1", String.class,
							timeout);
					assertThat(first.nextJson().get("request").asString()).isEqualTo("slow-1");
					first.kill();
					assertThatExceptionOfType(ExecutionException.class)
						.isThrownBy(() -> inFlight.get(timeout.plusSeconds(2).toMillis(), TimeUnit.MILLISECONDS))
						.havingCause()
						.isInstanceOf(ZmqRequestTimeoutException.class)
						.withMessageContaining("1 attempt, no retries");
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(timeout.plusMillis(500));
					try (PythonPeer second = PythonPeer.start("rep_server_named.py", "20", "B", Integer.toString(port),
							"0")) {
						assertThat(second.port()).isEqualTo(port);
						await().atMost(Duration.ofSeconds(10))
							.ignoreExceptionsInstanceOf(ZmqRequestTimeoutException.class)
							.untilAsserted(() -> assertThat(
									template.request("server", "again", String.class, Duration.ofMillis(500)))
								.isEqualTo("B:AGAIN"));
					}
				});
		}
	}

	@Test
	void requestInFlightWhenTheServerIsKilledSucceedsOnARetryToTheRestartedServer() throws Exception {
		try (PythonPeer first = PythonPeer.start("rep_server_named.py", "20", "A", "0", "5000")) {
			int port = first.port();
			ZmqTestSupport.runner()
				.withPropertyValues("zmq.endpoints.server.addresses=tcp://127.0.0.1:" + port,
						"zmq.endpoints.server.request-timeout=1500ms", "zmq.endpoints.server.request-retries=2")
				.run((context) -> {
					ZmqTemplate template = context.getBean(ZmqTemplate.class);
					assertThat(template.request("server", "hello", String.class)).isEqualTo("A:HELLO");
					assertThat(first.nextJson().get("request").asString()).isEqualTo("hello");
					CompletableFuture<String> inFlight = template.requestAsync("server", "slow-1", String.class);
					assertThat(first.nextJson().get("request").asString()).isEqualTo("slow-1");
					first.kill();
					try (PythonPeer second = PythonPeer.start("rep_server_named.py", "20", "B", Integer.toString(port),
							"0")) {
						assertThat(second.port()).isEqualTo(port);
						// three attempts of 1.5 s: the second or third reaches the new
						// server
						assertThat(inFlight.get(6, TimeUnit.SECONDS)).isEqualTo("B:SLOW-1");
						assertThat(second.nextJson().get("request").asString()).isEqualTo("slow-1");
					}
				});
		}
	}

	@Test
	void requestsMoveToTheLiveServerOnceHeartbeatsDetectAFrozenOne() throws Exception {
		try (PythonPeer frozen = PythonPeer.start("rep_server_named.py", "20", "A", "0", "0");
				PythonPeer live = PythonPeer.start("rep_server_named.py", "20", "B", "0", "0")) {
			String addresses = "tcp://127.0.0.1:" + frozen.port() + ",tcp://127.0.0.1:" + live.port();
			ZmqTestSupport.runner()
				.withPropertyValues("zmq.endpoints.pair.addresses=" + addresses,
						"zmq.endpoints.pair.heartbeat-interval=200ms", "zmq.endpoints.pair.heartbeat-timeout=600ms")
				.run((context) -> {
					ZmqTemplate template = context.getBean(ZmqTemplate.class);
					// both connections ready: requests alternate between the servers
					await().atMost(Duration.ofSeconds(10))
						.ignoreExceptionsInstanceOf(ZmqRequestTimeoutException.class)
						.untilAsserted(() -> {
							String one = template.request("pair", "x", String.class, Duration.ofSeconds(2));
							String two = template.request("pair", "x", String.class, Duration.ofSeconds(2));
							assertThat(one + two).contains("A:X").contains("B:X");
						});
					frozen.signal("STOP");
					try {
						FrozenServerChecks.awaitOnlyTheLiveServerAnswers("B",
								(text, timeout) -> template.request("pair", text, String.class, timeout));
					}
					finally {
						frozen.signal("CONT");
					}
				});
			frozen.kill();
		}
	}

}
