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

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.annotation.ZmqSubscriber;
import io.github.zmqspring.convert.ZmqMessageConverter;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.Timeout;
import org.springframework.context.ApplicationContext;
import org.springframework.messaging.handler.annotation.Header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@link ZmqTemplate} sends never block forever: push fails after the send timeout
 * without a peer and skips dead addresses, publish never waits, a retried request is
 * completed by a late reply to an earlier attempt, and {@code awaitSubscribers} ends the
 * slow-joiner race.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqTemplateSendReliabilityIntegrationTests {

	@Test
	void pushWithoutPeerFailsAfterTheEndpointsSendTimeout() throws Exception {
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.endpoints.nowhere.addresses=tcp://127.0.0.1:" + freePort(),
					"zmq.endpoints.nowhere.send-timeout=300ms")
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				for (int i = 0; i < 2; i++) {
					long start = System.nanoTime();
					assertThatExceptionOfType(ZmqSendException.class).isThrownBy(() -> template.push("nowhere", "lost"))
						.withMessageContaining("within 300 ms")
						.withMessageContaining("the message was not sent");
					assertThat(Duration.ofNanos(System.nanoTime() - start))
						.isGreaterThanOrEqualTo(Duration.ofMillis(300))
						.isLessThan(Duration.ofMillis(1500));
				}
			});
	}

	@Test
	void pushToTwoAddressesWithOneDeadDeliversEveryMessageToTheLiveOne() throws Exception {
		ZmqTestSupport.runner().withUserConfiguration(Sink.class).run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			String endpoint = "tcp://127.0.0.1:" + freePort() + "," + ZmqTestSupport.boundAddress(context, "sink");
			List<String> expected = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				template.push(endpoint, "m" + i);
				expected.add("m" + i);
			}
			BlockingQueue<String> received = context.getBean(Sink.class).received;
			List<String> messages = new ArrayList<>();
			await().atMost(Duration.ofSeconds(5)).until(() -> {
				received.drainTo(messages);
				return messages.size() >= expected.size();
			});
			assertThat(messages).containsExactlyElementsOf(expected);
		});
	}

	@Test
	void publishWithoutSubscribersReturnsAtOnceAndCountsTheDrops() {
		ZmqTestSupport.runner().run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			String endpoint = "tcp://127.0.0.1:*";
			long start = System.nanoTime();
			for (int i = 0; i < 1000; i++) {
				template.publish(endpoint, "news", "nobody listens " + i);
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(template.getUnroutedPublishCount(endpoint)).isEqualTo(1000));
		});
	}

	@Test
	void awaitSubscribersIsFalseBeforeAndTrueAfterASubscriberJoinedAndTheFirstMessageArrives() throws Exception {
		String address = "tcp://127.0.0.1:" + freePort();
		ZmqTestSupport.runner().run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			String endpoint = "@" + address;
			assertThat(template.awaitSubscribers(endpoint, 1, Duration.ofMillis(200))).isFalse();
			ZmqTestSupport.runner()
				.withPropertyValues("test.address=>" + address)
				.withUserConfiguration(Watcher.class)
				.run((subscriber) -> {
					assertThat(template.awaitSubscribers(endpoint, 1, Duration.ofSeconds(5))).isTrue();
					assertThat(template.awaitSubscribers(endpoint, "weather.paris", 1, Duration.ofSeconds(1))).isTrue();
					assertThat(template.awaitSubscribers(endpoint, "sports", 1, Duration.ofMillis(200))).isFalse();
					assertThat(template.awaitSubscribers(endpoint, 2, Duration.ofMillis(200))).isFalse();
					// published once, right after the wait: no slow-joiner loss
					template.publish(endpoint, "weather.paris", "first");
					Watcher watcher = subscriber.getBean(Watcher.class);
					assertThat(watcher.received.poll(5, TimeUnit.SECONDS)).isEqualTo("weather.paris=first");
				});
			// the subscriber's context closed: its subscription is gone
			await().atMost(Duration.ofSeconds(5))
				.until(() -> !template.awaitSubscribers(endpoint, 1, Duration.ofMillis(10)));
		});
	}

	@Test
	void lateReplyToAnEarlierAttemptCompletesARetriedRequest() {
		ZmqTestSupport.runner().withUserConfiguration(Slow.class).run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			Slow slow = context.getBean(Slow.class);
			// a template of its own: the endpoint's address is the listener's bound port
			ZmqTemplate retrying = retryingTemplate(context, ZmqTestSupport.boundAddress(context, "slow-replier"));
			try {
				long start = System.nanoTime();
				// attempt 1 takes 600 ms to answer; attempt 2 (at 400 ms) waits
				// behind it in the single-threaded replier
				assertThat(retrying.request("slow", "first", String.class)).isEqualTo("reply 1 to first");
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1100));
				assertThat(template.request(ZmqTestSupport.connectTo(context, "slow-replier"), "next", String.class,
						Duration.ofSeconds(5)))
					.startsWith("reply");
				assertThat(slow.calls.get()).isGreaterThanOrEqualTo(2);
			}
			finally {
				retrying.destroy();
			}
		});
	}

	@Test
	void requestWithRetriesToNoServerFailsAfterEveryAttempt() throws Exception {
		int port = freePort();
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.endpoints.absent.addresses=tcp://127.0.0.1:" + port,
					"zmq.endpoints.absent.request-timeout=200ms", "zmq.endpoints.absent.request-retries=2")
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				long start = System.nanoTime();
				assertThatExceptionOfType(ZmqRequestTimeoutException.class)
					.isThrownBy(() -> template.request("absent", "anyone?", String.class))
					.withMessageContaining("3 attempts: 1 + 2 retries")
					.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(3));
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600))
					.isLessThan(Duration.ofMillis(1600));
			});
	}

	private static ZmqTemplate retryingTemplate(ApplicationContext context, String address) {
		ZmqSocketOptions options = ZmqSocketOptions.builder()
			.requestTimeout(Duration.ofMillis(400))
			.requestRetries(2)
			.build();
		ZmqEndpointResolver resolver = new ZmqEndpointResolver(
				Map.of("slow", new ZmqEndpointDefinition(List.of(">" + address), options)));
		return new ZmqTemplate(context.getBean(ZmqSocketFactory.class), resolver,
				context.getBean(ZmqMessageConverter.class));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	static class Sink {

		final BlockingQueue<String> received = new LinkedBlockingQueue<>();

		@ZmqPuller(value = "@tcp://127.0.0.1:*", id = "sink")
		void onMessage(String message) {
			this.received.add(message);
		}

	}

	static class Watcher {

		final BlockingQueue<String> received = new LinkedBlockingQueue<>();

		@ZmqSubscriber(value = "${test.address}", id = "watcher", topics = "weather")
		void onMessage(String payload, @Header(ZmqHeaders.TOPIC) String topic) {
			this.received.add(topic + "=" + payload);
		}

	}

	static class Slow {

		final AtomicInteger calls = new AtomicInteger();

		final CountDownLatch never = new CountDownLatch(1);

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "slow-replier")
		String handle(String request) throws InterruptedException {
			int call = this.calls.incrementAndGet();
			// the first call takes longer than one attempt, shorter than two; later
			// calls answer clearly after it
			this.never.await((call == 1) ? 600 : 150, TimeUnit.MILLISECONDS);
			return "reply " + call + " to " + request;
		}

	}

}
