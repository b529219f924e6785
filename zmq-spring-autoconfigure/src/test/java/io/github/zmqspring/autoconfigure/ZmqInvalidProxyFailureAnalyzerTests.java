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

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.proxy.ZmqProxy;
import io.github.zmqspring.proxy.ZmqProxyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Startup failures of misconfigured proxies, as the failure analyzers report them:
 * {@link ZmqInvalidProxyFailureAnalyzer}, and {@link ZmqInvalidEndpointFailureAnalyzer}
 * and {@link ZmqBindFailureAnalyzer} for proxies.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqInvalidProxyFailureAnalyzerTests {

	@Test
	void missingTypeNamesTheProperty() {
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.proxies.broker.frontend=@tcp://127.0.0.1:*",
					"zmq.proxies.broker.backend=@tcp://127.0.0.1:*")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new ZmqInvalidProxyFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("'broker'")
					.contains("zmq.proxies.broker.type is not set");
				assertThat(analysis.getAction()).contains("zmq.proxies.broker.type")
					.contains("queue")
					.contains("forwarder")
					.contains("streamer");
			});
	}

	@Test
	void missingFrontendNamesTheProperty() {
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.proxies.broker.type=queue", "zmq.proxies.broker.backend=@tcp://127.0.0.1:*")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new ZmqInvalidProxyFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("zmq.proxies.broker.frontend is not set");
				assertThat(analysis.getAction()).contains("zmq.proxies.broker.frontend");
			});
	}

	@Test
	void missingBackendNamesTheProperty() {
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.proxies.broker.type=queue", "zmq.proxies.broker.frontend=@tcp://127.0.0.1:*")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new ZmqInvalidProxyFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("zmq.proxies.broker.backend is not set");
				assertThat(analysis.getAction()).contains("zmq.proxies.broker.backend").contains("@tcp://*:5560");
			});
	}

	@Test
	void unknownTypeValueNamesTheProperty() {
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.proxies.broker.type=router", "zmq.proxies.broker.frontend=@tcp://127.0.0.1:*",
					"zmq.proxies.broker.backend=@tcp://127.0.0.1:*")
			.run((context) -> {
				assertThat(context).hasFailed();
				// reported by Spring Boot's own analyzer for binding failures
				BindException failure = findCause(context.getStartupFailure(), BindException.class);
				assertThat(failure).isNotNull();
				assertThat(failure.getName()).hasToString("zmq.proxies.broker.type");
				assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("router");
			});
	}

	@Test
	void unknownEndpointNameNamesTheProxyProperty() {
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.proxies.broker.type=queue", "zmq.proxies.broker.frontend=clients",
					"zmq.proxies.broker.backend=@tcp://127.0.0.1:*")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new ZmqInvalidEndpointFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("ZeroMQ proxy 'broker'")
					.contains("zmq.proxies.broker.frontend")
					.contains("no endpoint named 'clients' is configured");
				assertThat(analysis.getAction()).contains("zmq.endpoints.clients.addresses");
			});
	}

	@Test
	void addressInUseFailsStartupNamingTheProxyAndPropertyAndLeavesNoProxyThread() {
		try (ZContext blocker = new ZContext()) {
			ZMQ.Socket socket = blocker.createSocket(SocketType.REP);
			socket.bind("tcp://127.0.0.1:*");
			String address = socket.getLastEndpoint();
			ZmqTestSupport.runner()
				.withPropertyValues("zmq.proxies.aaa-first.type=streamer",
						"zmq.proxies.aaa-first.frontend=tcp://127.0.0.1:*",
						"zmq.proxies.aaa-first.backend=tcp://127.0.0.1:*", "zmq.proxies.busy.type=queue",
						"zmq.proxies.busy.frontend=tcp://127.0.0.1:*", "zmq.proxies.busy.backend=" + address)
				.run((context) -> {
					assertThat(context).hasFailed();
					FailureAnalysis analysis = new ZmqBindFailureAnalyzer().analyze(context.getStartupFailure());
					assertThat(analysis).isNotNull();
					assertThat(analysis.getDescription()).contains("ZeroMQ proxy 'busy' (backend)")
						.contains(address)
						.contains("already in use");
					assertThat(analysis.getAction()).contains("zmq.proxies.busy.backend").contains(address);
				});
			assertThat(Thread.getAllStackTraces().keySet())
				.noneMatch((thread) -> thread.isAlive() && thread.getName().startsWith(ZmqProxy.THREAD_NAME_PREFIX));
		}
	}

	@Test
	void namedEndpointBindsItsBareAddressesForAProxy() {
		// a bare address of a DEALER or PUSH socket connects by default; a proxy binds it
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.endpoints.workers.addresses=tcp://127.0.0.1:*",
					"zmq.endpoints.workers.send-high-water-mark=10", "zmq.proxies.tasks.type=streamer",
					"zmq.proxies.tasks.frontend=tcp://127.0.0.1:*", "zmq.proxies.tasks.backend=workers")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ZmqProxy proxy = context.getBean(ZmqProxyRegistry.class).getProxy("tasks");
				assertThat(proxy.getBackendAddresses()).isEqualTo("@tcp://127.0.0.1:*");
				assertThat(proxy.getBackendBoundAddresses()).hasSize(1);
			});
	}

	private static <E extends Throwable> E findCause(Throwable failure, Class<E> type) {
		Throwable candidate = failure;
		while (candidate != null && !type.isInstance(candidate)) {
			candidate = candidate.getCause();
		}
		return type.cast(candidate);
	}

	@Test
	void analyzerIsRegisteredForSpringBoot() {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
			.load(FailureAnalyzer.class, FailureHandler.handleMessage((message, ex) -> {
				// other analyzers need a bean factory; only ours matter here
			}));
		assertThat(analyzers).hasAtLeastOneElementOfType(ZmqInvalidProxyFailureAnalyzer.class);
	}

}
