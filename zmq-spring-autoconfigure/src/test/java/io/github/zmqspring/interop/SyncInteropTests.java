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

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.annotation.ZmqSubscriber;
import io.github.zmqspring.autoconfigure.ZmqAutoConfiguration;
import io.github.zmqspring.core.ZmqTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slow-joiner handshake (zguide "syncpub"/"syncsub") between zmq-spring and pyzmq
 * (libzmq) in both directions: no message of a burst published right after the check-ins
 * is lost.
 *
 * @author zmq-spring contributors
 */
class SyncInteropTests {

	private static final int MESSAGES = 1000;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZmqAutoConfiguration.class, JacksonAutoConfiguration.class));

	@BeforeAll
	static void pyzmq() {
		PythonPeer.assumePyzmq();
	}

	@RepeatedTest(3)
	void subscribersCheckInWithPyzmqSyncPublisherAndLoseNothing() {
		try (PythonPeer publisher = PythonPeer.start("syncpub.py", "20", "1", String.valueOf(MESSAGES), "news")) {
			JsonNode ports = publisher.nextJson();
			this.contextRunner.withBean(SingleReader.class)
				.withPropertyValues(
						"zmq.endpoints.news.addresses=>tcp://127.0.0.1:" + publisher.intField(ports, "port"),
						"zmq.endpoints.news-sync.addresses=>tcp://127.0.0.1:" + publisher.intField(ports, "sync_port"))
				.run((context) -> {
					assertThat(context).hasNotFailed();
					// the listener counted as started only after its check-in
					assertThat(publisher.intField(publisher.nextJson(), "checked_in")).isEqualTo(1);
					SingleReader reader = context.getBean(SingleReader.class);
					assertThat(reader.ended.await(10, TimeUnit.SECONDS)).as("END received").isTrue();
					assertThat(reader.received).containsExactlyElementsOf(sequence(MESSAGES));
				});
			publisher.stop();
			assertThat(publisher.waitForExit(Duration.ofSeconds(5))).isZero();
		}
	}

	@RepeatedTest(3)
	void templatePublishesAfterPyzmqSyncSubscribersCheckedInAndTheyLoseNothing() throws IOException {
		String pub = "tcp://127.0.0.1:" + freePort();
		this.contextRunner.withBean(CheckIns.class)
			.withPropertyValues("zmq.endpoints.news.addresses=@" + pub,
					// PUB drops what exceeds its high-water mark: allow the whole burst
					"zmq.endpoints.news.send-high-water-mark=0", "zmq.endpoints.news-sync.addresses=@tcp://127.0.0.1:*")
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				CheckIns checkIns = context.getBean(CheckIns.class);
				String sync = PythonPeer.boundAddress(context, "news-sync");
				// the first publish binds the socket; nobody has subscribed yet
				template.publish("news", "hello", "");
				try (PythonPeer first = PythonPeer.start("syncsub.py", "20", pub, sync, "news");
						PythonPeer second = PythonPeer.start("syncsub.py", "20", pub, sync, "news")) {
					assertThat(checkIns.latch.await(10, TimeUnit.SECONDS)).as("2 check-ins").isTrue();
					for (int i = 0; i < MESSAGES; i++) {
						template.publish("news", "news", String.valueOf(i));
					}
					template.publish("news", "news", "END");
					for (PythonPeer subscriber : List.of(first, second)) {
						assertThat(subscriber.nextJson().get("synced").booleanValue()).isTrue();
						JsonNode result = subscriber.nextJson();
						assertThat(subscriber.intField(result, "received")).isEqualTo(MESSAGES);
						assertThat(result.get("in_order").booleanValue()).isTrue();
						subscriber.stop();
						assertThat(subscriber.waitForExit(Duration.ofSeconds(5))).isZero();
					}
				}
			});
	}

	private static List<String> sequence(int count) {
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			expected.add(String.valueOf(i));
		}
		return expected;
	}

	/**
	 * A free port for the template's PUB socket: the template binds on its first publish
	 * and does not report the port it bound.
	 */
	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	static class SingleReader {

		final List<String> received = new ArrayList<>();

		final CountDownLatch ended = new CountDownLatch(1);

		@ZmqSubscriber(value = "news", topics = "news", sync = "news-sync")
		void onNews(String payload) {
			if ("END".equals(payload)) {
				this.ended.countDown();
			}
			else {
				this.received.add(payload);
			}
		}

	}

	static class CheckIns {

		final CountDownLatch latch = new CountDownLatch(2);

		@ZmqReplier(value = "news-sync", id = "news-sync")
		byte[] checkIn(byte[] request) {
			this.latch.countDown();
			return new byte[0];
		}

	}

}
