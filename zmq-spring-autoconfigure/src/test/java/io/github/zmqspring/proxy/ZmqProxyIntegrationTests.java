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

package io.github.zmqspring.proxy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZMsg;

import org.springframework.context.ApplicationContext;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.annotation.ZmqSubscriber;
import io.github.zmqspring.core.ZmqHeaders;
import io.github.zmqspring.core.ZmqTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The three devices with real sockets: a queue between the template and repliers that
 * connect to its back end, a streamer feeding pullers, a forwarder feeding a subscriber.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqProxyIntegrationTests {

	@Test
	void queueSharesConcurrentRequestsAmongRepliersConnectedToItsBackendAndEveryCallerGetsItsOwnReply() {
		// the broker runs in its own application, as it usually does
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.proxies.broker.type=queue", "zmq.proxies.broker.frontend=tcp://127.0.0.1:*",
					"zmq.proxies.broker.backend=tcp://127.0.0.1:*")
			.run((broker) -> {
				assertThat(broker).hasNotFailed();
				ZmqProxy proxy = proxy(broker, "broker");
				String frontend = proxy.getFrontendBoundAddresses().get(0);
				String backend = proxy.getBackendBoundAddresses().get(0);
				ZmqTestSupport.runner()
					.withPropertyValues("zmq.endpoints.backend.addresses=>" + backend)
					.withBean(ServerA.class)
					.withBean(ServerB.class)
					.run((servers) -> {
						ZmqTemplate template = servers.getBean(ZmqTemplate.class);
						ServerA a = servers.getBean(ServerA.class);
						ServerB b = servers.getBean(ServerB.class);
						// both repliers have connected once each has answered
						await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
							template.request(frontend, "warm-up", String.class, Duration.ofSeconds(2));
							assertThat(a.total.get()).isPositive();
							assertThat(b.total.get()).isPositive();
						});
						a.served.set(0);
						b.served.set(0);
						List<String> mismatches = ZmqTestSupport.callConcurrently(16, (thread) -> {
							List<String> mine = new ArrayList<>();
							for (int r = 0; r < 10; r++) {
								String payload = "caller-" + thread + "-request-" + r;
								String reply = template.request(frontend, payload, String.class, Duration.ofSeconds(5));
								if (!reply.equals("A:" + payload) && !reply.equals("B:" + payload)) {
									mine.add(payload + " -> " + reply);
								}
							}
							return mine;
						});
						assertThat(mismatches).isEmpty();
						assertThat(a.served.get() + b.served.get()).isEqualTo(160);
						assertThat(a.served.get()).as("requests served by A").isPositive();
						assertThat(b.served.get()).as("requests served by B").isPositive();
						int total = a.total.get() + b.total.get();
						await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
							assertThat(proxy.getMessagesToBackend()).isEqualTo(total);
							assertThat(proxy.getMessagesToFrontend()).isEqualTo(total);
						});
					});
			});
	}

	@Test
	void queueForwardsMultipartMessagesIntactBothWays() {
		String backend = ZmqTestSupport.inproc("queue-multipart");
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.proxies.multipart.type=queue", "zmq.proxies.multipart.frontend=tcp://127.0.0.1:*",
					"zmq.proxies.multipart.backend=" + backend, "zmq.endpoints.backend.addresses=>" + backend)
			.withBean(ReversingServer.class)
			.run((context) -> {
				String frontend = proxy(context, "multipart").getFrontendBoundAddresses().get(0);
				ZMsg reply = ZmqTestSupport.rawRequest(frontend, utf8("one"), new byte[0], utf8("three"));
				assertThat(reply).hasSize(3);
				assertThat(reply.popString()).isEqualTo("three");
				assertThat(reply.pop().getData()).isEmpty();
				assertThat(reply.popString()).isEqualTo("one");
			});
	}

	@Test
	void streamerHandsEveryPushedMessageToPullersConnectedToItsBackend() {
		String backend = ZmqTestSupport.inproc("streamer-backend");
		int count = 200;
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.proxies.tasks.type=streamer", "zmq.proxies.tasks.frontend=tcp://127.0.0.1:*",
					"zmq.proxies.tasks.backend=" + backend, "zmq.endpoints.work.addresses=>" + backend)
			.withBean(WorkerA.class)
			.withBean(WorkerB.class)
			.run((context) -> {
				ZmqProxy proxy = proxy(context, "tasks");
				String frontend = proxy.getFrontendBoundAddresses().get(0);
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				for (int i = 0; i < count; i++) {
					template.push(frontend, "task-" + i);
				}
				WorkerA a = context.getBean(WorkerA.class);
				WorkerB b = context.getBean(WorkerB.class);
				Set<String> done = ConcurrentHashMap.newKeySet();
				await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
					done.addAll(a.received);
					done.addAll(b.received);
					assertThat(done).hasSize(count);
				});
				assertThat(a.received.size() + b.received.size()).isEqualTo(count);
				assertThat(proxy.getMessagesToBackend()).isEqualTo(count);
				assertThat(proxy.getMessagesToFrontend()).isZero();
			});
	}

	@Test
	void forwarderCarriesSubscriptionsUpstreamAndDeliversOnlyMatchingTopics() {
		String backend = ZmqTestSupport.inproc("forwarder-backend");
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.proxies.fan.type=forwarder", "zmq.proxies.fan.frontend=tcp://127.0.0.1:*",
					"zmq.proxies.fan.backend=" + backend, "zmq.endpoints.feed.addresses=>" + backend)
			.withBean(Feed.class)
			.run((context) -> {
				ZmqProxy proxy = proxy(context, "fan");
				// the template's PUB connects to the forwarder's XSUB front end
				String frontend = ">" + proxy.getFrontendBoundAddresses().get(0);
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				Feed feed = context.getBean(Feed.class);
				await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
					template.publish(frontend, "client2", "second");
					template.publish(frontend, "client1x", "first");
					template.publish(frontend, "client1", "third");
					assertThat(feed.received).contains("client1x|first", "client1|third");
				});
				assertThat(feed.received).allMatch((entry) -> entry.startsWith("client1"));
				// the subscription went from the XPUB back end to the XSUB front end
				assertThat(proxy.getMessagesToFrontend()).isPositive();
				assertThat(proxy.getMessagesToBackend()).isPositive();
			});
	}

	static ZmqProxy proxy(ApplicationContext context, String name) {
		ZmqProxy proxy = context.getBean(ZmqProxyRegistry.class).getProxy(name);
		assertThat(proxy).as("proxy " + name).isNotNull();
		assertThat(proxy.isRunning()).as("proxy " + name + " running").isTrue();
		return proxy;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static class ServerA {

		final AtomicInteger served = new AtomicInteger();

		final AtomicInteger total = new AtomicInteger();

		@ZmqReplier(value = "backend", id = "serverA")
		String serve(String request) {
			this.served.incrementAndGet();
			this.total.incrementAndGet();
			return "A:" + request;
		}

	}

	static class ServerB {

		final AtomicInteger served = new AtomicInteger();

		final AtomicInteger total = new AtomicInteger();

		@ZmqReplier(value = "backend", id = "serverB")
		String serve(String request) {
			this.served.incrementAndGet();
			this.total.incrementAndGet();
			return "B:" + request;
		}

	}

	static class ReversingServer {

		@ZmqReplier(value = "backend", id = "reversing")
		ZMsg reverse(ZMsg request) {
			ZMsg reply = new ZMsg();
			while (!request.isEmpty()) {
				reply.push(request.pop());
			}
			return reply;
		}

	}

	static class WorkerA {

		final List<String> received = new CopyOnWriteArrayList<>();

		@ZmqPuller(value = "work", id = "workerA")
		void work(String task) {
			this.received.add(task);
		}

	}

	static class WorkerB {

		final List<String> received = new CopyOnWriteArrayList<>();

		@ZmqPuller(value = "work", id = "workerB")
		void work(String task) {
			this.received.add(task);
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
