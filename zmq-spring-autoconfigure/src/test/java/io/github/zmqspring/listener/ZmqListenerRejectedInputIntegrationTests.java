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

package io.github.zmqspring.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.annotation.ZmqSubscriber;
import io.github.zmqspring.config.ZmqListenerEndpointRegistry;
import io.github.zmqspring.listener.ZmqListenerCounters.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every rejected message is counted once and logged once, at WARN on the
 * {@value AbstractZmqListenerContainer#REJECTED_LOG_CATEGORY} category, with the listener
 * id, the reason and the frame and byte counts, never the content.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@ExtendWith(OutputCaptureExtension.class)
class ZmqListenerRejectedInputIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final String SECRET = "SECRET-PAYLOAD-TEXT";

	/** Valid ASCII, then a byte that is never valid UTF-8. */
	private static final byte[] INVALID_UTF8 = concat(SECRET.getBytes(StandardCharsets.US_ASCII),
			new byte[] { (byte) 0xFF });

	@Test
	void replierAnswersBadRequestsAndLogsEachOnceWithoutTheContent(CapturedOutput output) {
		ZmqTestSupport.runner().withUserConfiguration(Repliers.class).run((context) -> {
			String address = ZmqTestSupport.boundAddress(context, "strict");
			assertThat(ZmqTestSupport.rawRequestText(address, INVALID_UTF8))
				.isEqualTo("ZMQ-SPRING-ERROR 400 Bad Request");
			assertThat(ZmqTestSupport.rawRequestText(address, ZmqTestSupport.utf8(SECRET), ZmqTestSupport.utf8(SECRET)))
				.isEqualTo("ZMQ-SPRING-ERROR 400 Bad Request");
			assertThat(ZmqTestSupport.rawRequestText(address, ZmqTestSupport.utf8("fine"))).isEqualTo("fine!");
			ZmqListenerCounters counters = counters(context, "strict");
			assertThat(counters.received()).isEqualTo(3);
			assertThat(counters.handled()).isEqualTo(1);
			assertThat(counters.rejected(Rejection.CONVERSION)).isEqualTo(1);
			assertThat(counters.rejected(Rejection.FRAMES)).isEqualTo(1);
			assertThat(counters.failed()).isZero();
			List<String> lines = rejectedLines(output, "strict");
			assertThat(lines).hasSize(2);
			assertThat(lines.get(0)).contains(" WARN ", AbstractZmqListenerContainer.REJECTED_LOG_CATEGORY,
					"(CONVERSION", "1 frame(s), " + INVALID_UTF8.length + " bytes");
			assertThat(lines.get(1)).contains("(FRAMES", "2 frame(s), " + (2 * SECRET.length()) + " bytes");
			assertThat(output.getAll()).doesNotContain(SECRET);
		});
	}

	@Test
	void replierWithConcurrencyCountsAndLogsARequestWithoutEnvelopeOnceAndKeepsServing(CapturedOutput output) {
		ZmqTestSupport.runner().withUserConfiguration(Repliers.class).run((context) -> {
			String address = ZmqTestSupport.boundAddress(context, "strict4");
			try (ZContext clients = new ZContext(); ZMQ.Socket dealer = clients.createSocket(SocketType.DEALER)) {
				dealer.setLinger(0);
				// JeroMQ 0.6.0 sometimes stalls a fresh tcp handshake: retry it soon
				dealer.setHandshakeIvl(500);
				dealer.setReceiveTimeOut(300);
				dealer.connect(address);
				// no empty delimiter frame: a REP socket would drop it, the ROUTER counts
				// it
				dealer.sendMore(ZmqTestSupport.utf8(SECRET));
				dealer.send(ZmqTestSupport.utf8(SECRET));
				ZmqListenerCounters counters = counters(context, "strict4");
				await().atMost(TIMEOUT).until(() -> counters.rejected(Rejection.FRAMES) == 1);
				assertThat(dealer.recv(0)).as("no reply without an envelope").isNull();
			}
			assertThat(ZmqTestSupport.rawRequestText(address, ZmqTestSupport.utf8("still"))).isEqualTo("still!");
			ZmqListenerCounters counters = counters(context, "strict4");
			assertThat(counters.received()).isEqualTo(2);
			assertThat(counters.handled()).isEqualTo(1);
			assertThat(counters.rejected()).isEqualTo(1);
			List<String> lines = rejectedLines(output, "strict4");
			assertThat(lines).singleElement()
				.asString()
				.contains("(FRAMES, no envelope)", "3 frame(s), " + (2 * SECRET.length() + 5) + " bytes");
			assertThat(output.getAll()).doesNotContain(SECRET);
		});
	}

	@Test
	void pullerAndSubscriberCountAndLogEachRejectedMessageOnce(CapturedOutput output) {
		ZmqTestSupport.runner().withUserConfiguration(OneWay.class).run((context) -> {
			OneWay listeners = context.getBean(OneWay.class);
			try (ZContext clients = new ZContext();
					ZMQ.Socket push = clients.createSocket(SocketType.PUSH);
					ZMQ.Socket pub = clients.createSocket(SocketType.PUB)) {
				push.setLinger(1000);
				// JeroMQ 0.6.0 sometimes stalls a fresh tcp handshake: retry it soon
				push.setHandshakeIvl(500);
				push.setSendTimeOut(5000);
				push.connect(ZmqTestSupport.boundAddress(context, "pull"));
				assertThat(push.send(INVALID_UTF8, 0)).isTrue();
				assertThat(push.send("pushed")).isTrue();
				pub.setHandshakeIvl(500);
				pub.connect(ZmqTestSupport.boundAddress(context, "sub"));
				await().atMost(TIMEOUT).untilAsserted(() -> {
					pub.send("warmup");
					assertThat(listeners.subscribed).isNotEmpty();
				});
				pub.sendMore("topic");
				pub.send(INVALID_UTF8, 0);
				pub.send("last");
				await().atMost(TIMEOUT).until(() -> listeners.pulled.contains("pushed"));
				await().atMost(TIMEOUT).until(() -> listeners.subscribed.contains("last"));
			}
			ZmqListenerCounters pull = counters(context, "pull");
			assertThat(pull.received()).isEqualTo(2);
			assertThat(pull.handled()).isEqualTo(1);
			assertThat(pull.rejected(Rejection.CONVERSION)).isEqualTo(1);
			ZmqListenerCounters sub = counters(context, "sub");
			assertThat(sub.rejected(Rejection.CONVERSION)).isEqualTo(1);
			assertThat(sub.received()).isEqualTo(sub.handled() + 1);
			assertThat(rejectedLines(output, "pull")).singleElement()
				.asString()
				.contains("(CONVERSION", "1 frame(s), " + INVALID_UTF8.length + " bytes");
			assertThat(rejectedLines(output, "sub")).singleElement()
				.asString()
				.contains("(CONVERSION", "2 frame(s), " + (INVALID_UTF8.length + 5) + " bytes");
			assertThat(output.getAll()).doesNotContain(SECRET);
		});
	}

	static ZmqListenerCounters counters(ApplicationContext context, String id) {
		return context.getBean(ZmqListenerEndpointRegistry.class).getListenerContainer(id).getCounters();
	}

	private static List<String> rejectedLines(CapturedOutput output, String id) {
		return Arrays.stream(output.getAll().split("\\R"))
			.filter((line) -> line.contains("Listener '" + id + "' rejected a message"))
			.toList();
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] all = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	static class Repliers {

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "strict")
		String strict(String request) {
			return request + "!";
		}

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "strict4", concurrency = "4")
		String strict4(String request) {
			return request + "!";
		}

	}

	static class OneWay {

		final List<String> pulled = new CopyOnWriteArrayList<>();

		final List<String> subscribed = new CopyOnWriteArrayList<>();

		@ZmqPuller(value = "@tcp://127.0.0.1:*", id = "pull")
		void pull(String message) {
			this.pulled.add(message);
		}

		@ZmqSubscriber(value = "@tcp://127.0.0.1:*", id = "sub")
		void subscribe(String message) {
			this.subscribed.add(message);
		}

	}

}
