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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.annotation.ZmqSubscriber;
import io.github.zmqspring.core.ZmqHeaders;
import io.github.zmqspring.core.ZmqRequestTimeoutException;
import io.github.zmqspring.core.ZmqTemplate;
import io.github.zmqspring.proxy.ZmqProxy;
import io.github.zmqspring.proxy.ZmqProxyRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Plain ZeroMQ (pyzmq on libzmq) on either side of a configured proxy: REQ clients and
 * REP servers through a queue, a PUB and a SUB through a forwarder, mixed with the
 * template and annotated listeners.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ProxyInteropTests {

	@BeforeAll
	static void pyzmq() {
		PythonPeer.assumePyzmq();
	}

	@Test
	void pyzmqReqClientsThroughQueueReachPyzmqRepServersConnectedToItsBackend() {
		queue().run((context) -> {
			ZmqProxy proxy = proxy(context, "broker");
			String frontend = proxy.getFrontendBoundAddresses().get(0);
			String backend = proxy.getBackendBoundAddresses().get(0);
			try (PythonPeer a = PythonPeer.start("rep_server.py", "20", backend, "A");
					PythonPeer b = PythonPeer.start("rep_server.py", "20", backend, "B")) {
				assertThat(a.nextJson().get("connected").asString()).isEqualTo(backend);
				assertThat(b.nextJson().get("connected").asString()).isEqualTo(backend);
				Set<String> servers = new HashSet<>();
				// rounds of two clients until both servers have answered: their
				// connections complete asynchronously
				await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
					try (PythonPeer first = PythonPeer.start("req_client.py", frontend, "5000", "s:one", "s:two");
							PythonPeer second = PythonPeer.start("req_client.py", frontend, "5000", "s:three")) {
						servers.add(reply(first, "ONE"));
						servers.add(reply(first, "TWO"));
						servers.add(reply(second, "THREE"));
						assertThat(first.waitForExit(Duration.ofSeconds(5))).isZero();
						assertThat(second.waitForExit(Duration.ofSeconds(5))).isZero();
					}
					assertThat(servers).containsExactlyInAnyOrder("A", "B");
				});
				a.stop();
				b.stop();
				int handled = a.intField(a.nextJson(), "handled") + b.intField(b.nextJson(), "handled");
				assertThat(proxy.getMessagesToBackend()).isEqualTo(handled);
			}
		});
	}

	@Test
	void frozenWorkerBehindTheBoundBackendStopsGettingRequestsOnceHeartbeatsDetectIt() {
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.proxies.broker.type=queue", "zmq.proxies.broker.frontend=tcp://127.0.0.1:*",
					"zmq.proxies.broker.backend=workers", "zmq.endpoints.workers.addresses=@tcp://127.0.0.1:*",
					"zmq.endpoints.workers.heartbeat-interval=200ms", "zmq.endpoints.workers.heartbeat-timeout=600ms")
			.run((context) -> {
				ZmqProxy proxy = proxy(context, "broker");
				String frontend = proxy.getFrontendBoundAddresses().get(0);
				String backend = proxy.getBackendBoundAddresses().get(0);
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				try (PythonPeer frozen = PythonPeer.start("rep_server.py", "30", backend, "A");
						PythonPeer live = PythonPeer.start("rep_server.py", "30", backend, "B")) {
					frozen.nextJson();
					live.nextJson();
					await().atMost(Duration.ofSeconds(15))
						.ignoreExceptionsInstanceOf(ZmqRequestTimeoutException.class)
						.untilAsserted(() -> {
							String one = template.request(frontend, "x", String.class, Duration.ofSeconds(2));
							String two = template.request(frontend, "x", String.class, Duration.ofSeconds(2));
							assertThat(one + two).contains("A:X").contains("B:X");
						});
					frozen.signal("STOP");
					try {
						// the proxy's bound backend pings its workers: the frozen one is
						// dropped within the heartbeat timeout and every request goes to
						// B
						FrozenServerChecks.awaitOnlyTheLiveServerAnswers("B",
								(text, timeout) -> template.request(frontend, text, String.class, timeout));
					}
					finally {
						frozen.signal("CONT");
					}
				}
			});
	}

	@Test
	void templateThroughQueueReachesPyzmqRepServer() {
		queue().run((context) -> {
			ZmqProxy proxy = proxy(context, "broker");
			String frontend = proxy.getFrontendBoundAddresses().get(0);
			try (PythonPeer server = PythonPeer.start("rep_server.py", "15", proxy.getBackendBoundAddresses().get(0))) {
				server.nextJson();
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				for (int i = 0; i < 5; i++) {
					assertThat(template.request(frontend, "hello " + i, String.class, Duration.ofSeconds(5)))
						.isEqualTo("HELLO " + i);
				}
			}
		});
	}

	@Test
	void pyzmqReqClientThroughQueueReachesConnectedReplier() {
		String backend = ZmqTestSupport.inproc("interop-queue-backend");
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.proxies.broker.type=queue", "zmq.proxies.broker.frontend=tcp://127.0.0.1:*",
					"zmq.proxies.broker.backend=" + backend, "zmq.endpoints.backend.addresses=>" + backend)
			.withBean(Server.class)
			.run((context) -> {
				String frontend = proxy(context, "broker").getFrontendBoundAddresses().get(0);
				try (PythonPeer client = PythonPeer.start("req_client.py", frontend, "5000", "s:one", "s:two")) {
					assertThat(client.nextJson().get("reply").asString()).isEqualTo("served one");
					assertThat(client.nextJson().get("reply").asString()).isEqualTo("served two");
					assertThat(client.waitForExit(Duration.ofSeconds(5))).isZero();
				}
			});
	}

	@Test
	void pyzmqPublisherThroughForwarderReachesSubscriberWithPrefixFiltering() {
		try (PythonPeer publisher = PythonPeer.start("publisher.py", "15", "[\"client1x\", \"first\"]",
				"[\"client2\", \"second\"]", "[\"client1\", \"third\"]")) {
			int port = publisher.port();
			String backend = ZmqTestSupport.inproc("interop-forwarder-backend");
			ZmqTestSupport.runner()
				.withPropertyValues("zmq.proxies.fan.type=forwarder",
						"zmq.proxies.fan.frontend=>tcp://127.0.0.1:" + port, "zmq.proxies.fan.backend=" + backend,
						"zmq.endpoints.feed.addresses=>" + backend)
				.withBean(Feed.class)
				.run((context) -> {
					Feed feed = context.getBean(Feed.class);
					// several rounds: client2 of a round comes before the next round's
					// client1x, so its absence means it was filtered
					await().atMost(Duration.ofSeconds(10)).until(() -> feed.received.size() >= 8);
					assertThat(feed.received).contains("client1x|first", "client1|third")
						.allMatch((entry) -> entry.startsWith("client1"));
				});
			publisher.stop();
			assertThat(publisher.waitForExit(Duration.ofSeconds(5))).isZero();
		}
	}

	@Test
	void templatePublishThroughForwarderReachesPyzmqSubscriber() {
		try (PythonPeer subscriber = PythonPeer.start("subscriber.py", "15", "client1")) {
			int port = subscriber.port();
			ZmqTestSupport.runner()
				.withPropertyValues("zmq.proxies.fan.type=forwarder", "zmq.proxies.fan.frontend=tcp://127.0.0.1:*",
						"zmq.proxies.fan.backend=>tcp://127.0.0.1:" + port)
				.run((context) -> {
					String frontend = ">" + proxy(context, "fan").getFrontendBoundAddresses().get(0);
					ZmqTemplate template = context.getBean(ZmqTemplate.class);
					// publish until the subscription has travelled up through the
					// forwarder
					await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
						template.publish(frontend, "client2", "skipped");
						template.publish(frontend, "client1x", "hello");
						JsonNode message = subscriber.pollJson();
						assertThat(message).isNotNull();
						assertThat(message.get("frames").get(0).asString()).isEqualTo("client1x");
						assertThat(message.get("frames").get(1).asString()).isEqualTo("hello");
					});
					assertThat(subscriber.pollJson()).isNull();
				});
		}
	}

	private static ApplicationContextRunner queue() {
		return ZmqTestSupport.runner()
			.withPropertyValues("zmq.proxies.broker.type=queue", "zmq.proxies.broker.frontend=tcp://127.0.0.1:*",
					"zmq.proxies.broker.backend=tcp://127.0.0.1:*");
	}

	private static String reply(PythonPeer client, String expected) {
		String reply = client.nextJson().get("reply").asString();
		assertThat(reply).endsWith(":" + expected);
		return reply.substring(0, reply.indexOf(':'));
	}

	private static ZmqProxy proxy(ApplicationContext context, String name) {
		ZmqProxy proxy = context.getBean(ZmqProxyRegistry.class).getProxy(name);
		assertThat(proxy).isNotNull();
		return proxy;
	}

	static class Server {

		@ZmqReplier(value = "backend", id = "brokered")
		String serve(String request) {
			return "served " + request;
		}

	}

	static class Feed {

		final List<String> received = new CopyOnWriteArrayList<>();

		@ZmqSubscriber(value = "feed", id = "feed", topics = "client1")
		void onMessage(@Header(ZmqHeaders.TOPIC) String topic, @Payload String payload) {
			this.received.add(topic + "|" + payload);
		}

	}

}
