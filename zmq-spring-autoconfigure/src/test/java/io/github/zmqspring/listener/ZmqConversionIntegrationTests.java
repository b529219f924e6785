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
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.annotation.ZmqSubscriber;
import io.github.zmqspring.core.ZmqHeaders;
import io.github.zmqspring.core.ZmqTemplate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZMsg;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Payload conversion in both directions between {@link ZmqTemplate} and listeners over
 * real sockets: raw bytes, UTF-8 text, multipart {@link ZMsg}, JSON objects and generic
 * JSON, and spring-messaging's {@code Message}, {@code @Payload} and {@code @Header}
 * parameters.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqConversionIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@Test
	void bytesRoundTripUnchangedIncludingZeroBytes() {
		withRepliers((context) -> {
			byte[] request = { 0, 1, 0, (byte) 0xFF, (byte) 0x80, 0, 42, 0 };
			byte[] reply = template(context).request(target(context, "bytes"), request, byte[].class, TIMEOUT);
			assertThat(reply).hasSize(request.length + 1);
			assertThat(reply).startsWith(request);
			assertThat(reply[request.length]).isZero();
		});
	}

	@Test
	void nonAsciiTextRoundTripsAsUtf8() {
		withRepliers((context) -> {
			String target = target(context, "text");
			assertThat(template(context).request(target, "grüße 日本", String.class, TIMEOUT)).isEqualTo("[grüße 日本]");
			// the wire carries UTF-8, readable by any peer
			assertThat(ZmqTestSupport
				.rawRequest(ZmqTestSupport.boundAddress(context, "text"), ZmqTestSupport.utf8("grüße 日本"))
				.getFirst()
				.getData()).isEqualTo("[grüße 日本]".getBytes(StandardCharsets.UTF_8));
		});
	}

	@Test
	void multipartRequestReachesZMsgParameterAndMultipartReplyReadsAsZMsg() {
		withRepliers((context) -> {
			ZMsg request = new ZMsg();
			request.add("alpha");
			request.add(new byte[0]);
			request.add("gamma");
			ZMsg reply = template(context).request(target(context, "multipart"), request, ZMsg.class, TIMEOUT);
			assertThat(reply).isNotNull();
			assertThat(reply.size()).isEqualTo(4);
			assertThat(reply.popString()).isEqualTo("3 frames");
			assertThat(reply.popString()).isEqualTo("gamma");
			assertThat(reply.pop().getData()).isEmpty();
			assertThat(reply.popString()).isEqualTo("alpha");
		});
	}

	@Test
	void jsonRecordRequestAndReply() {
		withRepliers((context) -> {
			Item reply = template(context).request(target(context, "json"), new Item("apple", 3), Item.class, TIMEOUT);
			assertThat(reply).isEqualTo(new Item("APPLE", 6));
			// the request travels as plain UTF-8 JSON
			String raw = ZmqTestSupport.rawRequestText(ZmqTestSupport.boundAddress(context, "json"),
					ZmqTestSupport.utf8("{\"name\":\"pear\",\"quantity\":1}"));
			assertThat(raw).isEqualTo("{\"name\":\"PEAR\",\"quantity\":2}");
		});
	}

	@Test
	void genericListParameterReadsJsonArray() {
		withRepliers((context) -> {
			List<Item> items = List.of(new Item("a", 1), new Item("b", 2), new Item("c", 4));
			Integer total = template(context).request(target(context, "list"), items, Integer.class, TIMEOUT);
			assertThat(total).isEqualTo(7);
		});
	}

	@Test
	void messageParameterCarriesConvertedPayloadAndListenerIdHeader() {
		withRepliers((context) -> {
			String reply = template(context).request(target(context, "message"), new Item("kiwi", 5), String.class,
					TIMEOUT);
			assertThat(reply).isEqualTo("kiwi:5@message");
		});
	}

	@Test
	void payloadAndFrameCountHeaderParameters() {
		withRepliers((context) -> {
			String reply = template(context).request(target(context, "payload"), new Item("plum", 9), String.class,
					TIMEOUT);
			assertThat(reply).isEqualTo("plum/9 in 1 frame(s)");
		});
	}

	@Test
	void voidReplierAnswersOneEmptyFrame() {
		withRepliers((context) -> {
			ZMsg reply = ZmqTestSupport.rawRequest(ZmqTestSupport.boundAddress(context, "void"),
					ZmqTestSupport.utf8("ping"));
			assertThat(reply.size()).isEqualTo(1);
			assertThat(reply.getFirst().getData()).isEmpty();
			assertThat(context.getBean(Repliers.class).voidCalls).containsExactly("ping");
		});
	}

	@Test
	void nullReturningReplierAnswersOneEmptyFrame() {
		withRepliers((context) -> {
			ZMsg reply = ZmqTestSupport.rawRequest(ZmqTestSupport.boundAddress(context, "null"),
					ZmqTestSupport.utf8("ping"));
			assertThat(reply.size()).isEqualTo(1);
			assertThat(reply.getFirst().getData()).isEmpty();
			assertThat(template(context).request(target(context, "null"), "again", byte[].class, TIMEOUT)).isEmpty();
		});
	}

	@Test
	void requestAsyncCompletesWithConvertedReply() {
		withRepliers((context) -> {
			CompletableFuture<Item> future = template(context).requestAsync(target(context, "json"),
					new Item("fig", 10), Item.class);
			assertThat(future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(new Item("FIG", 20));
		});
	}

	@Test
	void subscriberReadsPublishedJsonRecord() {
		ZmqTestSupport.runner()
			.withPropertyValues("test.sub=" + ZmqTestSupport.bindAddress("tcp"))
			.withBean(JsonSubscriber.class)
			.run((context) -> {
				String target = ZmqTestSupport.connectTo(context, "json-sub");
				BlockingQueue<String> received = context.getBean(JsonSubscriber.class).received;
				// slow joiner: publish until the subscription has reached the publisher
				await().atMost(TIMEOUT).untilAsserted(() -> {
					template(context).publish(target, "items", new Item("warmup", 0));
					assertThat(received.poll(50, TimeUnit.MILLISECONDS))
						.isEqualTo("items|Item[name=warmup, quantity=0]");
				});
				template(context).publish(target, "items.fruit", new Item("cherry", 12));
				await().atMost(TIMEOUT)
					.untilAsserted(() -> assertThat(received).contains("items.fruit|Item[name=cherry, quantity=12]"));
			});
	}

	@Test
	void pullerReadsPushedJsonRecord() {
		ZmqTestSupport.runner()
			.withPropertyValues("test.pull=" + ZmqTestSupport.bindAddress("tcp"))
			.withBean(JsonPuller.class)
			.run((context) -> {
				String target = ZmqTestSupport.connectTo(context, "json-pull");
				template(context).push(target, new Item("melon", 2));
				template(context).push(target, new Item("lime", 7));
				BlockingQueue<Item> received = context.getBean(JsonPuller.class).received;
				assertThat(received.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(new Item("melon", 2));
				assertThat(received.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(new Item("lime", 7));
			});
	}

	private static void withRepliers(ContextConsumer<AssertableApplicationContext> test) {
		ZmqTestSupport.runner()
			.withPropertyValues("test.address=" + ZmqTestSupport.bindAddress("tcp"))
			.withBean(Repliers.class)
			.run(test);
	}

	private static ZmqTemplate template(AssertableApplicationContext context) {
		return context.getBean(ZmqTemplate.class);
	}

	private static String target(AssertableApplicationContext context, String listenerId) {
		return ZmqTestSupport.connectTo(context, listenerId);
	}

	record Item(String name, int quantity) {
	}

	static class Repliers {

		final BlockingQueue<String> voidCalls = new LinkedBlockingQueue<>();

		@ZmqReplier(value = "${test.address}", id = "bytes")
		byte[] bytes(byte[] request) {
			byte[] reply = new byte[request.length + 1];
			System.arraycopy(request, 0, reply, 0, request.length);
			return reply;
		}

		@ZmqReplier(value = "${test.address}", id = "text")
		String text(String request) {
			return "[" + request + "]";
		}

		@ZmqReplier(value = "${test.address}", id = "multipart")
		ZMsg multipart(ZMsg request) {
			ZMsg reply = new ZMsg();
			reply.add(request.size() + " frames");
			while (!request.isEmpty()) {
				reply.add(request.pollLast());
			}
			return reply;
		}

		@ZmqReplier(value = "${test.address}", id = "json")
		Item json(Item request) {
			return new Item(request.name().toUpperCase(), request.quantity() * 2);
		}

		@ZmqReplier(value = "${test.address}", id = "list")
		int list(List<Item> items) {
			return items.stream().mapToInt(Item::quantity).sum();
		}

		@ZmqReplier(value = "${test.address}", id = "message")
		String message(Message<Item> message) {
			Item item = message.getPayload();
			return item.name() + ":" + item.quantity() + "@" + message.getHeaders().get(ZmqHeaders.LISTENER_ID);
		}

		@ZmqReplier(value = "${test.address}", id = "payload")
		String payload(@Payload Item item, @Header(ZmqHeaders.FRAME_COUNT) int frames) {
			return item.name() + "/" + item.quantity() + " in " + frames + " frame(s)";
		}

		@ZmqReplier(value = "${test.address}", id = "void")
		void noReply(String request) {
			this.voidCalls.add(request);
		}

		@ZmqReplier(value = "${test.address}", id = "null")
		@Nullable String nullReply(String request) {
			return null;
		}

	}

	static class JsonSubscriber {

		final BlockingQueue<String> received = new LinkedBlockingQueue<>();

		@ZmqSubscriber(value = "${test.sub}", id = "json-sub", topics = "items")
		void onItem(Item item, @Header(ZmqHeaders.TOPIC) String topic) {
			this.received.add(topic + "|" + item);
		}

	}

	static class JsonPuller {

		final BlockingQueue<Item> received = new LinkedBlockingQueue<>();

		@ZmqPuller(value = "${test.pull}", id = "json-pull")
		void onItem(Item item) {
			this.received.add(item);
		}

	}

}
