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

package io.github.zmqspring.autoconfigure;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.annotation.ZmqSubscriber;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ZmqInvalidEndpointFailureAnalyzer} and {@link ZmqBindFailureAnalyzer}
 * on real startup failures.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqFailureAnalyzersTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZmqAutoConfiguration.class, JacksonAutoConfiguration.class));

	@Test
	void endpointNameThatIsNotConfigured() {
		this.contextRunner.withPropertyValues("zmq.endpoints.greeter.addresses=inproc://failure-analysis-greeter")
			.withBean("orderHandler", UnknownEndpointListener.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new ZmqInvalidEndpointFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("@ZmqReplier")
					.contains("UnknownEndpointListener.handle(String)")
					.contains("bean 'orderHandler'")
					.contains("listener 'orderHandler.handle'")
					.contains("'orders'")
					.contains("no endpoint named 'orders' is configured");
				assertThat(analysis.getAction()).contains("zmq.endpoints.orders.addresses").contains("greeter");
			});
	}

	@Test
	void tcpAddressWithoutPort() {
		this.contextRunner.withBean("badAddress", MissingPortListener.class).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new ZmqInvalidEndpointFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("MissingPortListener.handle(String)")
				.contains("'tcp://localhost'")
				.contains("needs a host and a port");
			assertThat(analysis.getAction()).isNotBlank();
		});
	}

	@Test
	void pgmTransportIsRefused() {
		this.contextRunner.withBean("multicast", PgmListener.class).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new ZmqInvalidEndpointFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("@ZmqSubscriber")
				.contains("PgmListener.onPrice(String)")
				.contains("pgm://")
				.contains("not supported by JeroMQ");
			assertThat(analysis.getAction()).isNotBlank();
		});
	}

	@Test
	void addressAlreadyInUse() {
		try (ZContext blocker = new ZContext()) {
			ZMQ.Socket socket = blocker.createSocket(SocketType.REP);
			socket.bind("tcp://127.0.0.1:*");
			String address = socket.getLastEndpoint();
			this.contextRunner.withPropertyValues("zmq.endpoints.busy.addresses=@" + address)
				.withBean("busyReplier", BusyAddressListener.class)
				.run((context) -> {
					assertThat(context).hasFailed();
					FailureAnalysis analysis = new ZmqBindFailureAnalyzer().analyze(context.getStartupFailure());
					assertThat(analysis).isNotNull();
					assertThat(analysis.getDescription()).contains("BusyAddressListener.handle(String)")
						.contains(address)
						.contains("already in use");
					assertThat(analysis.getAction()).contains(address).contains("tcp://127.0.0.1:*");
					assertThat(new ZmqInvalidEndpointFailureAnalyzer().analyze(context.getStartupFailure())).isNull();
				});
		}
	}

	@Test
	void analyzersAreRegisteredForSpringBoot() {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
			.load(FailureAnalyzer.class, FailureHandler.handleMessage((message, ex) -> {
				// other analyzers need a bean factory; only ours matter here
			}));
		assertThat(analyzers).hasAtLeastOneElementOfType(ZmqBindFailureAnalyzer.class)
			.hasAtLeastOneElementOfType(ZmqInvalidEndpointFailureAnalyzer.class);
	}

	static class UnknownEndpointListener {

		@ZmqReplier("orders")
		String handle(String request) {
			return request;
		}

	}

	static class MissingPortListener {

		@ZmqReplier("tcp://localhost")
		String handle(String request) {
			return request;
		}

	}

	static class PgmListener {

		@ZmqSubscriber("pgm://eth0;239.192.1.1:5555")
		void onPrice(String price) {
		}

	}

	static class BusyAddressListener {

		@ZmqReplier("busy")
		String handle(String request) {
			return request;
		}

	}

}
