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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.autoconfigure.ZmqAutoConfiguration;
import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.core.ZmqTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link ZmqTemplate} sending to pyzmq (libzmq) REP, SUB and PULL sockets.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TemplateInteropTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZmqAutoConfiguration.class, JacksonAutoConfiguration.class));

	@BeforeAll
	static void pyzmq() {
		PythonPeer.assumePyzmq();
	}

	@Test
	void requestToPyzmqRepGetsReply() {
		try (PythonPeer server = PythonPeer.start("rep_server.py", "15")) {
			String endpoint = "tcp://127.0.0.1:" + server.port();
			this.contextRunner.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				assertThat(template.request(endpoint, "hello libzmq", String.class, Duration.ofSeconds(5)))
					.isEqualTo("HELLO LIBZMQ");
			});
			server.stop();
			assertThat(server.intField(server.nextJson(), "handled")).isEqualTo(1);
		}
	}

	@Test
	void concurrentRequestsToPyzmqRepEachGetTheirOwnReply() {
		int threads = 8;
		int requests = 20;
		try (PythonPeer server = PythonPeer.start("rep_server.py", "15")) {
			String endpoint = "tcp://127.0.0.1:" + server.port();
			this.contextRunner.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				List<String> mismatches = ZmqTestSupport.callConcurrently(threads, (thread) -> {
					List<String> mine = new ArrayList<>();
					for (int r = 0; r < requests; r++) {
						String payload = "caller-" + thread + "-request-" + r;
						String reply = template.request(endpoint, payload, String.class, Duration.ofSeconds(5));
						if (!payload.toUpperCase(Locale.ROOT).equals(reply)) {
							mine.add(payload + " -> " + reply);
						}
					}
					return mine;
				});
				assertThat(mismatches).isEmpty();
			});
			server.stop();
			assertThat(server.intField(server.nextJson(), "handled")).isEqualTo(threads * requests);
		}
	}

	@Test
	void publishReachesPyzmqSubAsTopicAndPayloadFramesOrOneFrame() {
		try (PythonPeer subscriber = PythonPeer.start("subscriber.py", "15", "weather")) {
			String endpoint = ">tcp://127.0.0.1:" + subscriber.port();
			this.contextRunner.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				List<JsonNode> received = new CopyOnWriteArrayList<>();
				// publish until the subscription has reached us (slow joiner); python
				// prints each
				// distinct message once
				await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
					template.publish(endpoint, "sports", "not for weather");
					template.publish(endpoint, "weather.paris", "sunny");
					template.publish(endpoint, "weather-single-frame");
					for (JsonNode line = subscriber.pollJson(); line != null; line = subscriber.pollJson()) {
						received.add(line);
					}
					assertThat(received).hasSize(2);
				});
				assertThat(received).extracting((line) -> line.get("frames").toString())
					.containsExactlyInAnyOrder("[\"weather.paris\",\"sunny\"]", "[\"weather-single-frame\"]");
			});
			subscriber.stop();
			assertThat(subscriber.waitForExit(Duration.ofSeconds(5))).isZero();
		}
	}

	@Test
	void pushReachesPyzmqPullAsJsonObject() {
		try (PythonPeer puller = PythonPeer.start("puller.py", "15", "1")) {
			String endpoint = "tcp://127.0.0.1:" + puller.port();
			this.contextRunner.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				template.push(endpoint, new Reading("sensor-7", 21.5, List.of(1, 2, 3)));
				JsonNode json = puller.nextJson().get("json");
				assertThat(json.propertyNames()).containsExactlyInAnyOrder("sensor", "celsius", "samples");
				assertThat(json.get("sensor").asString()).isEqualTo("sensor-7");
				assertThat(json.get("celsius").asDouble()).isEqualTo(21.5);
				assertThat(json.get("samples").toString()).isEqualTo("[1,2,3]");
			});
			assertThat(puller.waitForExit(Duration.ofSeconds(5))).isZero();
		}
	}

	record Reading(String sensor, double celsius, List<Integer> samples) {
	}

}
