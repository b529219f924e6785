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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.annotation.ZmqReplier;
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

/**
 * A pyzmq (libzmq) ROUTER/DEALER queue device between {@link ZmqTemplate} or pyzmq REQ
 * clients and a {@code @ZmqReplier} that connects to the device's back end.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BrokerInteropTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZmqAutoConfiguration.class, JacksonAutoConfiguration.class))
		.withBean(Service.class);

	@BeforeAll
	static void pyzmq() {
		PythonPeer.assumePyzmq();
	}

	@Test
	void concurrentTemplateRequestsThroughPyzmqBrokerEachGetTheirOwnReply() {
		int threads = 6;
		int requests = 20;
		try (PythonPeer broker = PythonPeer.start("broker.py", "15")) {
			JsonNode ports = broker.nextJson();
			String frontend = "tcp://127.0.0.1:" + broker.intField(ports, "frontend");
			this.contextRunner
				.withPropertyValues(
						"zmq.endpoints.backend.addresses=>tcp://127.0.0.1:" + broker.intField(ports, "backend"))
				.run((context) -> {
					ZmqTemplate template = context.getBean(ZmqTemplate.class);
					List<String> mismatches = ZmqTestSupport.callConcurrently(threads, (thread) -> {
						List<String> mine = new ArrayList<>();
						for (int r = 0; r < requests; r++) {
							String payload = "caller-" + thread + "-request-" + r;
							String reply = template.request(frontend, payload, String.class, Duration.ofSeconds(5));
							if (!("served " + payload).equals(reply)) {
								mine.add(payload + " -> " + reply);
							}
						}
						return mine;
					});
					assertThat(mismatches).isEmpty();
					assertThat(context.getBean(Service.class).threads).isNotEmpty()
						.allMatch((name) -> name.startsWith("zmq-brokered-"));
				});
		}
	}

	@Test
	void pyzmqReqClientThroughPyzmqBrokerGetsReply() {
		try (PythonPeer broker = PythonPeer.start("broker.py", "15")) {
			JsonNode ports = broker.nextJson();
			String frontend = "tcp://127.0.0.1:" + broker.intField(ports, "frontend");
			this.contextRunner
				.withPropertyValues(
						"zmq.endpoints.backend.addresses=>tcp://127.0.0.1:" + broker.intField(ports, "backend"))
				.run((context) -> {
					try (PythonPeer client = PythonPeer.start("req_client.py", frontend, "5000", "s:one", "s:two")) {
						assertThat(client.nextJson().get("reply").asString()).isEqualTo("served one");
						assertThat(client.nextJson().get("reply").asString()).isEqualTo("served two");
						assertThat(client.waitForExit(Duration.ofSeconds(5))).isZero();
					}
				});
		}
	}

	static class Service {

		final Set<String> threads = ConcurrentHashMap.newKeySet();

		@ZmqReplier(value = "backend", id = "brokered", concurrency = "2")
		String serve(String request) {
			this.threads.add(Thread.currentThread().getName());
			return "served " + request;
		}

	}

}
