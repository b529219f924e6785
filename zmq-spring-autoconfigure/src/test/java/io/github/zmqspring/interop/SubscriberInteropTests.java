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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.annotation.ZmqSubscriber;
import io.github.zmqspring.autoconfigure.ZmqAutoConfiguration;
import io.github.zmqspring.core.ZmqHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A pyzmq (libzmq) PUB socket publishing to a {@code @ZmqSubscriber} method.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SubscriberInteropTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZmqAutoConfiguration.class, JacksonAutoConfiguration.class))
		.withBean(Feed.class);

	@BeforeAll
	static void pyzmq() {
		PythonPeer.assumePyzmq();
	}

	@Test
	void pyzmqPublisherReachesSubscriberWithPrefixMatchingAndTopicFrame() {
		// python publishes the three messages in rounds until told to stop (slow joiner)
		try (PythonPeer publisher = PythonPeer.start("publisher.py", "15", "[\"client1x\", \"first\"]",
				"[\"client2\", \"second\"]", "[\"client1\", \"third\"]")) {
			int port = publisher.port();
			this.contextRunner.withPropertyValues("zmq.endpoints.feed.addresses=>tcp://127.0.0.1:" + port)
				.run((context) -> {
					Feed feed = context.getBean(Feed.class);
					// several rounds received: client2 of every round would have come
					// before
					// the next round's client1x, so its absence is meaningful
					await().atMost(Duration.ofSeconds(10)).until(() -> feed.received.size() >= 8);
					List<String> received = List.copyOf(feed.received);
					assertThat(received).contains("client1x|first", "client1|third");
					assertThat(received).allMatch((entry) -> entry.startsWith("client1"));
					assertThat(received).noneMatch((entry) -> entry.contains("second"));
				});
			publisher.stop();
			assertThat(publisher.waitForExit(Duration.ofSeconds(5))).isZero();
		}
	}

	@Test
	void pyzmqSingleFramePublishIsDeliveredWithFrameAsPayload() {
		try (PythonPeer publisher = PythonPeer.start("publisher.py", "15", "[\"client1-only-frame\"]")) {
			int port = publisher.port();
			this.contextRunner.withPropertyValues("zmq.endpoints.feed.addresses=>tcp://127.0.0.1:" + port)
				.run((context) -> {
					Feed feed = context.getBean(Feed.class);
					await().atMost(Duration.ofSeconds(10)).until(() -> !feed.received.isEmpty());
					assertThat(feed.received.get(0)).isEqualTo("client1|client1-only-frame");
				});
			publisher.stop();
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
