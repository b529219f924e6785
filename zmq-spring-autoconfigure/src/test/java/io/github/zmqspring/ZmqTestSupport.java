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

package io.github.zmqspring;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.zmqspring.autoconfigure.ZmqAutoConfiguration;
import io.github.zmqspring.config.ZmqListenerEndpointRegistry;
import io.github.zmqspring.listener.ZmqListenerContainer;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Helpers shared by the integration tests: a context runner with the auto-configuration,
 * unique addresses, bound-address lookup and a raw request client.
 */
public final class ZmqTestSupport {

	private static final AtomicInteger counter = new AtomicInteger();

	private static final ZContext CLIENT_CONTEXT = new ZContext();

	private ZmqTestSupport() {
	}

	/**
	 * Return a runner with the ZeroMQ and Jackson auto-configurations.
	 * @return the runner
	 */
	public static ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ZmqAutoConfiguration.class, JacksonAutoConfiguration.class));
	}

	/**
	 * Return a new CURVE key pair whose Z85 keys can be written into the Spring
	 * environment as they are: a key containing {@code $} could read as a placeholder.
	 * @return the key pair
	 */
	public static org.zeromq.ZCert newCurveCert() {
		while (true) {
			org.zeromq.ZCert cert = new org.zeromq.ZCert();
			if (!cert.getPublicKeyAsZ85().contains("$") && !cert.getSecretKeyAsZ85().contains("$")) {
				return cert;
			}
		}
	}

	/**
	 * Return a loopback tcp port nothing listens on now, for a test whose two sides must
	 * know the address before either starts.
	 * @return the port
	 */
	public static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * Return a unique {@code inproc} address (without a bind/connect prefix).
	 * @param name a readable part
	 * @return the address
	 */
	public static String inproc(String name) {
		return "inproc://" + name + "-" + counter.incrementAndGet();
	}

	/**
	 * Return a bind address for the transport: {@code @tcp://127.0.0.1:*} or a unique
	 * {@code @inproc://} name.
	 * @param transport {@code tcp} or {@code inproc}
	 * @return the address with a bind prefix
	 */
	public static String bindAddress(String transport) {
		return "tcp".equals(transport) ? "@tcp://127.0.0.1:*" : "@" + inproc("t");
	}

	/**
	 * Return the first address a listener actually bound.
	 * @param context the application context
	 * @param listenerId the listener id
	 * @return for example {@code tcp://127.0.0.1:54321}
	 */
	public static String boundAddress(ApplicationContext context, String listenerId) {
		ZmqListenerContainer container = context.getBean(ZmqListenerEndpointRegistry.class)
			.getListenerContainer(listenerId);
		assertThat(container).as("listener " + listenerId).isNotNull();
		List<String> bound = container.getBoundAddresses();
		assertThat(bound).as("bound addresses of " + listenerId).isNotEmpty();
		return bound.get(0);
	}

	/**
	 * Return a connect address ({@code >...}) for what a listener bound.
	 * @param context the application context
	 * @param listenerId the listener id
	 * @return the address with a connect prefix
	 */
	public static String connectTo(ApplicationContext context, String listenerId) {
		return ">" + boundAddress(context, listenerId);
	}

	/**
	 * Send one request the way a REQ socket does and return the reply. The client is a
	 * JeroMQ DEALER speaking the REQ wire format (an empty delimiter frame, then the
	 * request frames) with a short handshake interval: JeroMQ 0.6.0 sometimes leaves the
	 * handshake of a fresh tcp connection unfinished, and a REQ socket would then lose
	 * its request on the reconnect. One socket per call, closed afterwards; the reply
	 * must arrive within 5 s.
	 * @param address the address to connect to
	 * @param frames the request frames
	 * @return the reply frames, without the empty delimiter
	 */
	public static ZMsg rawRequest(String address, byte[]... frames) {
		try (ZMQ.Socket socket = CLIENT_CONTEXT.createSocket(SocketType.DEALER)) {
			socket.setLinger(0);
			socket.setHandshakeIvl(500);
			socket.setSendTimeOut(5000);
			socket.setReceiveTimeOut(5000);
			socket.connect(address);
			ZMsg request = new ZMsg();
			request.add(new byte[0]);
			for (byte[] frame : frames) {
				request.add(frame);
			}
			assertThat(request.send(socket)).as("request sent").isTrue();
			ZMsg reply = ZMsg.recvMsg(socket);
			assertThat(reply).as("reply from " + address + " within 5 s").isNotNull();
			assertThat(reply.size()).as("reply frames including the delimiter").isGreaterThanOrEqualTo(2);
			assertThat(reply.pop().getData()).as("empty delimiter frame").isEmpty();
			return reply;
		}
	}

	/**
	 * Send one request with {@link #rawRequest} and return the reply as one UTF-8 string.
	 * @param address the address to connect to
	 * @param frames the request frames
	 * @return the single reply frame as text
	 */
	public static String rawRequestText(String address, byte[]... frames) {
		ZMsg reply = rawRequest(address, frames);
		assertThat(reply.size()).as("reply frames").isEqualTo(1);
		return new String(reply.getFirst().getData(), StandardCharsets.UTF_8);
	}

	/**
	 * Encode a string as UTF-8.
	 * @param text the text
	 * @return the bytes
	 */
	public static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Run a task on several threads at once and collect what each returns.
	 * @param threads how many threads
	 * @param task the work of one thread, given its index
	 * @return everything the threads returned
	 * @throws Exception a failure of a thread, or a thread not done within 15 s
	 */
	public static List<String> callConcurrently(int threads, ThreadTask task) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<List<String>>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				Callable<List<String>> callable = () -> task.run(thread);
				futures.add(executor.submit(callable));
			}
			List<String> all = new ArrayList<>();
			for (Future<List<String>> future : futures) {
				all.addAll(future.get(15, TimeUnit.SECONDS));
			}
			return all;
		}
		finally {
			executor.shutdownNow();
		}
	}

	/**
	 * The work of one thread in {@link #callConcurrently}.
	 */
	@FunctionalInterface
	public interface ThreadTask {

		List<String> run(int thread) throws Exception;

	}

}
