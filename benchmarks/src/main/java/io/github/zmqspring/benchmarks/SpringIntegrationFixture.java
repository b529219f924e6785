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

package io.github.zmqspring.benchmarks;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.handler.ReactiveMessageHandlerAdapter;
import org.springframework.integration.zeromq.inbound.ZeroMqMessageProducer;
import org.springframework.integration.zeromq.outbound.ZeroMqMessageHandler;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.support.GenericMessage;

/**
 * The spring-integration-zeromq side of a benchmark: a {@link ZeroMqMessageHandler} (PUSH
 * or PUB) sending through the adapter a flow wraps it in, and a
 * {@link ZeroMqMessageProducer} (PULL or SUB) whose output channel counts, sharing one
 * {@link ZContext}, inside a Spring context with {@code @EnableIntegration}. Payloads are
 * {@code byte[]} (the adapters' default mapping).
 * <p>
 * The producer polls its socket without blocking and sleeps {@code consumeDelay} when it
 * is empty; the default of one second would stall every batch, so the benchmark sets one
 * millisecond.
 *
 * @author zmq-spring contributors
 */
public final class SpringIntegrationFixture implements AutoCloseable {

	/** The consume delay of the producer. */
	public static final Duration CONSUME_DELAY = Duration.ofMillis(1);

	private final AnnotationConfigApplicationContext application;

	private final ZContext context;

	private final ZeroMqMessageProducer producer;

	private final ZeroMqMessageHandler handler;

	private final MessageHandler sender;

	private SpringIntegrationFixture(AnnotationConfigApplicationContext application, ZContext context,
			ZeroMqMessageProducer producer, ZeroMqMessageHandler handler) {
		this.application = application;
		this.context = context;
		this.producer = producer;
		this.handler = handler;
		this.sender = new ReactiveMessageHandlerAdapter(handler);
	}

	/**
	 * Start the adapters.
	 * @param transport tcp or inproc
	 * @param pubSub PUB/SUB when {@code true}, else PUSH/PULL
	 * @param highWaterMark the send and receive high-water mark
	 * @param counter counts what the producer emits
	 * @return the started fixture
	 */
	public static SpringIntegrationFixture start(Transport transport, boolean pubSub, int highWaterMark,
			MessageCounter counter) {
		AnnotationConfigApplicationContext application = new AnnotationConfigApplicationContext(
				IntegrationConfiguration.class);
		ZContext context = new ZContext();
		String inproc = "inproc://zmq-si-bench-" + UUID.randomUUID();
		ZeroMqMessageProducer producer = new ZeroMqMessageProducer(context, pubSub ? SocketType.SUB : SocketType.PULL);
		producer.setConsumeDelay(CONSUME_DELAY);
		producer.setOutputChannel((message, timeout) -> {
			counter.received(message.getPayload());
			return true;
		});
		Consumer<ZMQ.Socket> producerSocket = (socket) -> {
			socket.setRcvHWM(highWaterMark);
			if (transport == Transport.INPROC) {
				socket.bind(inproc);
			}
		};
		producer.setSocketConfigurer(producerSocket);
		if (pubSub) {
			producer.setTopics(StarterFixture.TOPIC);
		}
		producer.setBeanFactory(application.getBeanFactory());
		producer.afterPropertiesSet();
		producer.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (producer.getBoundPort() == 0) {
			if (System.nanoTime() - deadline >= 0) {
				throw new IllegalStateException("ZeroMqMessageProducer did not bind in time");
			}
			Thread.onSpinWait();
		}
		String url = (transport == Transport.TCP) ? "tcp://127.0.0.1:" + producer.getBoundPort() : inproc;
		ZeroMqMessageHandler handler = new ZeroMqMessageHandler(context, url,
				pubSub ? SocketType.PUB : SocketType.PUSH);
		handler.setSocketConfigurer((socket) -> socket.setSndHWM(highWaterMark));
		if (pubSub) {
			handler.setTopic(StarterFixture.TOPIC);
		}
		handler.setBeanFactory(application.getBeanFactory());
		handler.afterPropertiesSet();
		handler.start();
		return new SpringIntegrationFixture(application, context, producer, handler);
	}

	/**
	 * Send one message as a flow would.
	 * @param payload the payload
	 */
	public void send(byte[] payload) {
		this.sender.handleMessage(new GenericMessage<>(payload));
	}

	@Override
	public void close() {
		try {
			this.handler.stop();
			this.producer.stop();
			// ZeroMqMessageProducer.destroy() can block forever: once stopped, its flux
			// completes and disposes the scheduler the blocking close waits on; bound it
			bounded(this.handler::destroy);
			bounded(this.producer::destroy);
		}
		finally {
			this.context.close();
			this.application.close();
		}
	}

	private static void bounded(Runnable action) {
		Thread thread = new Thread(() -> {
			try {
				action.run();
			}
			catch (RuntimeException ex) {
				// closing twice, or on a disposed scheduler: the ZContext close releases
				// the sockets anyway
			}
		}, "si-bench-destroy");
		thread.setDaemon(true);
		thread.start();
		try {
			thread.join(2_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableIntegration
	static class IntegrationConfiguration {

	}

}
