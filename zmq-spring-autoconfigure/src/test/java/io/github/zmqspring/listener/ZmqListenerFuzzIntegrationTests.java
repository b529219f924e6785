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

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.annotation.ZmqSubscriber;
import io.github.zmqspring.convert.ZmqConversionException;
import io.github.zmqspring.convert.ZmqFrameCountException;
import io.github.zmqspring.convert.ZmqFrames;
import io.github.zmqspring.convert.ZmqMessageConverter;
import io.github.zmqspring.listener.ZmqListenerCounters.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Seeded fuzzing of every listener type: random frame counts and sizes, random bytes,
 * invalid UTF-8 and JSON-looking junk from raw JeroMQ sockets, plus random bytes, bogus
 * greetings and huge declared frame lengths over plain TCP. The counters match exactly
 * what was rejected of what the JeroMQ sockets sent, every replier request with a valid
 * envelope got exactly one reply, and after the raw TCP garbage every listener still
 * serves and accounts for every message it received. Rerun a failure with
 * {@code -Dzmq.fuzz.seed=<seed>}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ZmqListenerFuzzIntegrationTests {

	private static final int MESSAGES_PER_LISTENER = 4000;

	private static final int BATCH = 250;

	private static final int RAW_CONNECTIONS_PER_LISTENER = 40;

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void listenersSurviveRandomInputAndCountEveryRejection() {
		long seed = Long.getLong("zmq.fuzz.seed", System.nanoTime());
		Logger rejected = (Logger) LoggerFactory.getLogger(AbstractZmqListenerContainer.REJECTED_LOG_CATEGORY);
		Level level = rejected.getLevel();
		rejected.setLevel(Level.ERROR);
		try {
			ZmqTestSupport.runner().withUserConfiguration(Targets.class).run((context) -> {
				try (ZContext clients = new ZContext()) {
					fuzz(context, clients, seed);
				}
				catch (Throwable ex) {
					throw new AssertionError("Fuzzing failed with seed " + seed + " (rerun with -Dzmq.fuzz.seed=" + seed
							+ "): " + ex.getMessage(), ex);
				}
			});
		}
		finally {
			rejected.setLevel(level);
		}
	}

	@Test
	void frameLengthWithTheTopBitSetDoesNotStopTheListener() {
		ZmqTestSupport.runner().withUserConfiguration(Targets.class).run((context) -> {
			URI uri = URI.create(ZmqTestSupport.boundAddress(context, "p2"));
			for (long length : new long[] { 0xFFFFFFFF_F0000000L, 0x80000000_7FFFFFFFL, -1L }) {
				ByteBuffer buffer = ByteBuffer.allocate(256);
				greeting(buffer, "PUSH");
				buffer.put((byte) 0x02).putLong(length).put(new byte[16]);
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
					socket.getOutputStream().write(copy(buffer));
					socket.getOutputStream().flush();
				}
			}
			Targets targets = context.getBean(Targets.class);
			try (ZContext clients = new ZContext(); ZMQ.Socket push = clients.createSocket(SocketType.PUSH)) {
				push.setLinger(1000);
				// JeroMQ 0.6.0 sometimes stalls a fresh tcp handshake: retry it soon
				push.setHandshakeIvl(500);
				push.connect(uri.toString());
				assertThat(push.send("final")).isTrue();
				await().atMost(Duration.ofSeconds(5)).until(() -> targets.p2.contains("final"));
			}
		});
	}

	private void fuzz(ApplicationContext context, ZContext clients, long seed) throws Exception {
		Fuzzer fuzzer = new Fuzzer(context.getBean(ZmqMessageConverter.class));
		Targets targets = context.getBean(Targets.class);
		ExecutorService executor = Executors.newFixedThreadPool(6);
		try {
			List<CompletableFuture<?>> runs = new ArrayList<>();
			runs.add(
					run(executor, () -> fuzzReplier(context, clients, new Random(seed + 1), fuzzer, "r1", Item.class)));
			runs.add(run(executor,
					() -> fuzzReplier(context, clients, new Random(seed + 2), fuzzer, "r4", String.class)));
			runs.add(run(executor,
					() -> fuzzPuller(context, clients, new Random(seed + 3), fuzzer, "p1", Item.class, targets.p1)));
			runs.add(run(executor,
					() -> fuzzPuller(context, clients, new Random(seed + 4), fuzzer, "p2", String.class, targets.p2)));
			runs.add(run(executor, () -> fuzzSubscriber(context, clients, new Random(seed + 5), fuzzer, targets)));
			String[] names = { "r1", "r4", "p1", "p2", "sub" };
			for (int i = 0; i < runs.size(); i++) {
				try {
					runs.get(i).get(2 * TIMEOUT.toSeconds(), TimeUnit.SECONDS);
				}
				catch (TimeoutException ex) {
					throw new AssertionError("Fuzzing " + names[i] + " did not finish within " + TIMEOUT, ex);
				}
			}
		}
		finally {
			executor.shutdownNow();
		}
		// then garbage over plain tcp: JeroMQ takes a peer whose first byte is not 0xFF
		// for a ZMTP 1.0 peer, so random bytes can become messages; every one of them is
		// still handled or rejected
		rawTcp(context, new Random(seed + 6));
		for (String id : List.of("r1", "r4", "p1", "p2", "sub")) {
			ZmqListenerCounters counters = ZmqListenerRejectedInputIntegrationTests.counters(context, id);
			await().atMost(TIMEOUT)
				.untilAsserted(
						() -> assertThat(counters.handled() + counters.rejected()).as(id + " after raw tcp " + counters)
							.isEqualTo(counters.received()));
			assertThat(counters.failed()).as(id + " failed").isZero();
		}
		// still serving valid messages after everything
		assertThat(
				ZmqTestSupport.rawRequestText(ZmqTestSupport.boundAddress(context, "r4"), ZmqTestSupport.utf8("after")))
			.isEqualTo("ok");
		assertThat(ZmqTestSupport.rawRequestText(ZmqTestSupport.boundAddress(context, "r1"),
				ZmqTestSupport.utf8("{\"name\":\"after\",\"count\":1}")))
			.isEqualTo("ok");
		assertThat(context.getBean(Targets.class).failures.get()).as("handler failures").isZero();
	}

	private static CompletableFuture<Void> run(ExecutorService executor, ThrowingRunnable task) {
		return CompletableFuture.runAsync(() -> {
			try {
				task.run();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}, executor);
	}

	private void fuzzReplier(ApplicationContext context, ZContext clients, Random random, Fuzzer fuzzer, String id,
			Class<?> type) {
		String address = ZmqTestSupport.boundAddress(context, id);
		Expected expected = new Expected();
		int sent = 0;
		while (sent < MESSAGES_PER_LISTENER) {
			try (ZMQ.Socket client = clients.createSocket(SocketType.DEALER)) {
				client.setLinger(0);
				// JeroMQ 0.6.0 sometimes stalls a fresh tcp handshake: retry it soon
				client.setHandshakeIvl(500);
				client.setRcvHWM(0);
				client.setHandshakeIvl(500);
				client.setSendTimeOut(5000);
				client.setReceiveTimeOut(5000);
				client.connect(address);
				long pings = ping(client, (type == String.class) ? "ping" : "{\"name\":\"ping\",\"count\":0}");
				expected.received += pings;
				expected.handled += pings;
				int ok = 0;
				int bad = 0;
				List<String> batch = new ArrayList<>();
				for (int i = 0; i < BATCH && sent < MESSAGES_PER_LISTENER; i++, sent++) {
					ZmqFrames body = fuzzer.message(random);
					boolean withEnvelope = random.nextInt(4) != 0;
					ZMsg request = new ZMsg();
					if (withEnvelope) {
						request.add(new byte[0]);
					}
					for (int f = 0; f < body.size(); f++) {
						// without the delimiter every frame is non-empty, so there is no
						// envelope
						request.add((withEnvelope || body.frame(f).length > 0) ? body.frame(f) : new byte[] { 1 });
					}
					ZmqFrames frames = ZmqFrames.of(request.duplicate());
					StringBuilder d = new StringBuilder(withEnvelope ? "E" : "N");
					for (int f = 0; f < frames.size(); f++) {
						d.append(' ').append(frames.frame(f).length);
					}
					batch.add(d.toString());
					assertThat(request.send(client)).isTrue();
					if (!withEnvelope) {
						expected.received++;
						expected.add(Rejection.FRAMES);
						continue;
					}
					expected.received++;
					Outcome outcome = fuzzer.outcome(frames.from(1), type);
					expected.add(outcome);
					if (outcome == Outcome.HANDLED) {
						ok++;
					}
					else {
						bad++;
					}
				}
				// one reply for every request with an envelope, then nothing more
				int okReplies = 0;
				int badReplies = 0;
				for (int r = 0; r < ok + bad; r++) {
					ZMsg reply = ZMsg.recvMsg(client);
					assertThat(reply).as(id + ": reply " + (r + 1) + " of " + (ok + bad) + " to " + batch).isNotNull();
					assertThat(reply.size()).isEqualTo(2);
					assertThat(reply.pop().getData()).isEmpty();
					String text = reply.popString();
					if (text.equals("ok")) {
						okReplies++;
					}
					else {
						assertThat(text).isEqualTo("ZMQ-SPRING-ERROR 400 Bad Request");
						badReplies++;
					}
				}
				client.setReceiveTimeOut(100);
				assertThat(client.recv(0)).as(id + ": no reply beyond one per request").isNull();
				assertThat(okReplies).as(id + ": ok replies").isEqualTo(ok);
				assertThat(badReplies).as(id + ": 400 replies").isEqualTo(bad);
			}
		}
		expected.assertMatches(ZmqListenerRejectedInputIntegrationTests.counters(context, id), id);
	}

	/**
	 * Send valid requests until one is answered, so the connection is known to work
	 * before fuzzing: JeroMQ 0.6.0 occasionally stalls the handshake of a fresh tcp
	 * connection, and what was sent on it is then lost.
	 * @return how many pings were answered (each counts as received and handled)
	 */
	private static long ping(ZMQ.Socket client, String ping) {
		client.setReceiveTimeOut(1000);
		long answered = 0;
		for (int attempt = 0; attempt < 10 && answered == 0; attempt++) {
			client.sendMore(new byte[0]);
			client.send(ping);
			while (client.recv(0) != null) {
				client.setReceiveTimeOut(300);
				assertThat(client.hasReceiveMore()).isTrue();
				assertThat(client.recvStr()).isEqualTo("ok");
				answered++;
			}
		}
		assertThat(answered).as("answered pings").isPositive();
		client.setReceiveTimeOut(5000);
		return answered;
	}

	private void fuzzPuller(ApplicationContext context, ZContext clients, Random random, Fuzzer fuzzer, String id,
			Class<?> type, List<Object> seen) {
		Expected expected = new Expected();
		try (ZMQ.Socket push = clients.createSocket(SocketType.PUSH)) {
			push.setLinger(1000);
			// JeroMQ 0.6.0 sometimes stalls a fresh tcp handshake: retry it soon
			push.setHandshakeIvl(500);
			push.setSendTimeOut(5000);
			push.connect(ZmqTestSupport.boundAddress(context, id));
			String warmup = (type == String.class) ? "warmup" : "{\"name\":\"warmup\",\"count\":0}";
			await().atMost(TIMEOUT).untilAsserted(() -> {
				push.send(warmup);
				assertThat(seen).contains("warmup");
			});
			for (int i = 0; i < MESSAGES_PER_LISTENER; i++) {
				ZmqFrames message = fuzzer.message(random);
				assertThat(message.toZMsg().send(push)).isTrue();
				expected.received++;
				expected.add(fuzzer.outcome(message, type));
			}
			String last = (type == String.class) ? "final" : "{\"name\":\"final\",\"count\":0}";
			assertThat(push.send(last)).isTrue();
			expected.received++;
			expected.add(Outcome.HANDLED);
			await().atMost(TIMEOUT).until(() -> seen.contains("final"));
		}
		long warmups = seen.stream().filter("warmup"::equals).count();
		expected.received += warmups;
		expected.handled += warmups;
		expected.assertMatches(ZmqListenerRejectedInputIntegrationTests.counters(context, id), id);
	}

	private void fuzzSubscriber(ApplicationContext context, ZContext clients, Random random, Fuzzer fuzzer,
			Targets targets) {
		Expected expected = new Expected();
		try (ZMQ.Socket pub = clients.createSocket(SocketType.PUB)) {
			pub.setLinger(1000);
			// JeroMQ 0.6.0 sometimes stalls a fresh tcp handshake: retry it soon
			pub.setHandshakeIvl(500);
			pub.setSndHWM(0);
			pub.connect(ZmqTestSupport.boundAddress(context, "sub"));
			await().atMost(TIMEOUT).untilAsserted(() -> {
				pub.send("warmup");
				assertThat(targets.warmups.get()).isPositive();
			});
			for (int i = 0; i < MESSAGES_PER_LISTENER; i++) {
				ZmqFrames message = fuzzer.message(random);
				assertThat(message.toZMsg().send(pub)).isTrue();
				expected.received++;
				expected.add(fuzzer.outcome((message.size() >= 2) ? message.from(1) : message, String.class));
			}
			pub.send("final");
			expected.received++;
			expected.add(Outcome.HANDLED);
			await().atMost(TIMEOUT).until(() -> targets.sub.contains("final"));
		}
		ZmqListenerCounters counters = ZmqListenerRejectedInputIntegrationTests.counters(context, "sub");
		// the warm-up messages that arrived were handled too
		expected.received += targets.warmups.get();
		expected.handled += targets.warmups.get();
		expected.assertMatches(counters, "sub");
	}

	private void rawTcp(ApplicationContext context, Random random) throws IOException {
		String[][] listeners = { { "r1", "DEALER" }, { "r4", "REQ" }, { "p1", "PUSH" }, { "p2", "PUSH" },
				{ "sub", "PUB" } };
		for (int i = 0; i < RAW_CONNECTIONS_PER_LISTENER; i++) {
			for (String[] listener : listeners) {
				URI uri = URI.create(ZmqTestSupport.boundAddress(context, listener[0]));
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
					socket.setSoTimeout(2000);
					OutputStream out = socket.getOutputStream();
					out.write(rawBytes(random, listener[1]));
					out.flush();
				}
				catch (IOException ex) {
					// the listener may close the connection while we write: fine
				}
			}
		}
	}

	private static byte[] rawBytes(Random random, String socketType) {
		ByteBuffer buffer = ByteBuffer.allocate(4096);
		int kind = random.nextInt(4);
		if (kind == 0) {
			byte[] junk = new byte[random.nextInt(600)];
			random.nextBytes(junk);
			return junk;
		}
		// ZMTP 3.0 greeting: signature, version, NULL mechanism, as-server, filler
		buffer.put((byte) 0xFF).put(new byte[8]).put((byte) 0x7F).put((byte) 3).put((byte) 0);
		if (kind == 1) {
			byte[] junk = new byte[random.nextInt(300)];
			random.nextBytes(junk);
			return copy(buffer.put(junk));
		}
		buffer.clear();
		greeting(buffer, socketType);
		if (kind == 2) {
			// a message frame declaring a huge length
			long length = (random.nextBoolean()) ? Long.MAX_VALUE : (1L << (31 + random.nextInt(30)));
			buffer.put((byte) 0x02).putLong(length);
			byte[] junk = new byte[random.nextInt(100)];
			random.nextBytes(junk);
			return copy(buffer.put(junk));
		}
		byte[] junk = new byte[random.nextInt(1000)];
		random.nextBytes(junk);
		return copy(buffer.put(junk));
	}

	/**
	 * Write a ZMTP 3.0 greeting with the NULL mechanism and a READY command.
	 */
	private static void greeting(ByteBuffer buffer, String socketType) {
		buffer.put((byte) 0xFF).put(new byte[8]).put((byte) 0x7F).put((byte) 3).put((byte) 0);
		buffer.put(nullMechanism()).put((byte) 0).put(new byte[31]);
		byte[] name = "Socket-Type".getBytes(StandardCharsets.US_ASCII);
		byte[] value = socketType.getBytes(StandardCharsets.US_ASCII);
		int size = 1 + 5 + 1 + name.length + 4 + value.length;
		buffer.put((byte) 0x04).put((byte) size).put((byte) 5).put("READY".getBytes(StandardCharsets.US_ASCII));
		buffer.put((byte) name.length).put(name).putInt(value.length).put(value);
	}

	private static byte[] copy(ByteBuffer buffer) {
		byte[] bytes = new byte[buffer.position()];
		buffer.flip().get(bytes);
		return bytes;
	}

	private static byte[] nullMechanism() {
		byte[] mechanism = new byte[20];
		System.arraycopy("NULL".getBytes(StandardCharsets.US_ASCII), 0, mechanism, 0, 4);
		return mechanism;
	}

	@FunctionalInterface
	interface ThrowingRunnable {

		void run() throws Exception;

	}

	enum Outcome {

		HANDLED, CONVERSION, FRAMES

	}

	/**
	 * What a listener's counters must show.
	 */
	static final class Expected {

		long received;

		long handled;

		final Map<Rejection, Long> rejected = new EnumMap<>(Rejection.class);

		void add(Rejection rejection) {
			this.rejected.merge(rejection, 1L, Long::sum);
		}

		void add(Outcome outcome) {
			switch (outcome) {
				case HANDLED -> this.handled++;
				case CONVERSION -> add(Rejection.CONVERSION);
				case FRAMES -> add(Rejection.FRAMES);
			}
		}

		@Override
		public String toString() {
			return "Expected[received=" + this.received + ", handled=" + this.handled + ", rejected=" + this.rejected
					+ "]";
		}

		void assertMatches(ZmqListenerCounters counters, String id) {
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(counters.received()).as(id + " received").isEqualTo(this.received));
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(counters.handled() + counters.rejected() + counters.failed())
					.as(id + " done " + counters)
					.isEqualTo(this.received));
			assertThat(counters.handled()).as(id + " handled").isEqualTo(this.handled);
			for (Rejection reason : Rejection.values()) {
				assertThat(counters.rejected(reason)).as(id + " rejected " + reason)
					.isEqualTo(this.rejected.getOrDefault(reason, 0L));
			}
			assertThat(counters.failed()).as(id + " failed").isZero();
		}

	}

	/**
	 * Random messages, and what the listener's conversion makes of them.
	 */
	static final class Fuzzer {

		private static final String[] TEXT = { "a", "Z", "0", " ", "{", "}", "\"", ":", ",", "é", "中", "😀", "\n",
				"name", "count" };

		private final ZmqMessageConverter converter;

		Fuzzer(ZmqMessageConverter converter) {
			this.converter = converter;
		}

		ZmqFrames message(Random random) {
			int count = random.nextBoolean() ? 1 : 1 + random.nextInt(8);
			List<byte[]> frames = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				frames.add(frame(random));
			}
			return ZmqFrames.of(frames);
		}

		private byte[] frame(Random random) {
			int size = random.nextInt(2049);
			return switch (random.nextInt(6)) {
				case 0 -> {
					byte[] bytes = new byte[size];
					random.nextBytes(bytes);
					yield bytes;
				}
				case 1 -> text(random, size).getBytes(StandardCharsets.UTF_8);
				case 2 -> invalidUtf8(random, text(random, size).getBytes(StandardCharsets.UTF_8));
				case 3 -> json(random).getBytes(StandardCharsets.UTF_8);
				case 4 -> {
					byte[] json = json(random).getBytes(StandardCharsets.UTF_8);
					yield Arrays.copyOf(json, random.nextInt(json.length + 1));
				}
				default -> new byte[random.nextInt(3)];
			};
		}

		private static String text(Random random, int size) {
			StringBuilder text = new StringBuilder();
			while (text.length() < size) {
				text.append(TEXT[random.nextInt(TEXT.length)]);
			}
			return text.toString();
		}

		private static byte[] invalidUtf8(Random random, byte[] valid) {
			byte[][] bad = { { (byte) 0xFF }, { (byte) 0x80 }, { (byte) 0xC0, (byte) 0xAF },
					{ (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, { (byte) 0xC3 } };
			byte[] insert = bad[random.nextInt(bad.length)];
			int at = random.nextInt(valid.length + 1);
			byte[] result = new byte[valid.length + insert.length];
			System.arraycopy(valid, 0, result, 0, at);
			System.arraycopy(insert, 0, result, at, insert.length);
			System.arraycopy(valid, at, result, at + insert.length, valid.length - at);
			return result;
		}

		private static String json(Random random) {
			return switch (random.nextInt(8)) {
				case 0 -> "{\"name\":\"n" + random.nextInt(1000) + "\",\"count\":" + random.nextInt() + "}";
				case 1 -> "{\"name\":null,\"count\":" + random.nextInt(10) + ",\"extra\":[1,2,{\"x\":true}]}";
				case 2 -> "{\"count\":\"" + random.nextInt() + "x\"}";
				case 3 -> "[" + random.nextInt() + ",\"a\",null]";
				case 4 -> "null";
				case 5 -> "\"just a string\"";
				case 6 -> "{\"name\":" + "[".repeat(random.nextInt(200)) + "}";
				default -> "{\"name\":\"n\",\"count\":" + random.nextInt(100) + "} trailing";
			};
		}

		Outcome outcome(ZmqFrames payload, Class<?> type) {
			try {
				return (this.converter.fromFrames(payload, type) != null) ? Outcome.HANDLED : Outcome.CONVERSION;
			}
			catch (ZmqFrameCountException ex) {
				return Outcome.FRAMES;
			}
			catch (ZmqConversionException ex) {
				return Outcome.CONVERSION;
			}
		}

	}

	record Item(String name, int count) {
	}

	static class Targets {

		final AtomicInteger failures = new AtomicInteger();

		final AtomicInteger warmups = new AtomicInteger();

		final List<Object> p1 = new CopyOnWriteArrayList<>();

		final List<Object> p2 = new CopyOnWriteArrayList<>();

		final List<Object> sub = new CopyOnWriteArrayList<>();

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "r1")
		String r1(Item item) {
			return "ok";
		}

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "r4", concurrency = "4")
		String r4(String text) {
			return "ok";
		}

		@ZmqPuller(value = "@tcp://127.0.0.1:*", id = "p1")
		void p1(Item item) {
			if ("final".equals(item.name()) || "warmup".equals(item.name())) {
				this.p1.add(item.name());
			}
		}

		@ZmqPuller(value = "@tcp://127.0.0.1:*", id = "p2", concurrency = "2")
		void p2(String text) {
			if ("final".equals(text) || "warmup".equals(text)) {
				this.p2.add(text);
			}
		}

		@ZmqSubscriber(value = "@tcp://127.0.0.1:*", id = "sub")
		void sub(String text) {
			if ("warmup".equals(text)) {
				this.warmups.incrementAndGet();
			}
			else if ("final".equals(text)) {
				this.sub.add("final");
			}
		}

	}

}
