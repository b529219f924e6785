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

package io.github.zmqspring.health;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.zeromq.ZContext;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import io.github.zmqspring.config.ZmqListenerEndpointRegistry;
import io.github.zmqspring.core.ZmqThreadFailures;
import io.github.zmqspring.guard.ZmqReceiveGuard;
import io.github.zmqspring.security.ZmqAuthenticator;
import io.github.zmqspring.listener.ZmqListenerContainer;
import io.github.zmqspring.proxy.ZmqProxy;
import io.github.zmqspring.proxy.ZmqProxyRegistry;

/**
 * Health of ZeroMQ in the application (contributor {@code zmq}): {@code UP} when the
 * shared {@link ZContext} is open, none of JeroMQ's own threads has died
 * ({@link ZmqThreadFailures}) and every listener and proxy that should run does.
 * <p>
 * A listener or proxy <em>should run</em> when it was last started — at startup when it
 * auto-starts, or through {@code start()} later — and not stopped since
 * ({@link ZmqListenerContainer#isStartRequested()}, {@link ZmqProxy#isStartRequested()}).
 * Such a listener is healthy when it runs, all of its threads still take messages (none
 * ended on a socket error) and, if its endpoint binds, it has bound its addresses; such a
 * proxy is healthy when its thread runs. A listener or proxy that does not auto-start and
 * was never started, or that was stopped on purpose, is listed with status
 * {@code STOPPED} and does not make the application {@code DOWN}; one whose start failed
 * does.
 * <p>
 * A JeroMQ thread ({@code iothread-N}, {@code reaper-N}) that died keeps the application
 * {@code DOWN} until it restarts: the context cannot move the messages of the sockets
 * that thread served, and nothing brings the thread back.
 * <p>
 * Details: {@code context} (open, I/O threads, {@code failedThreads}: the name of each
 * JeroMQ thread that died with the class of what ended it, {@code receive}: the receive
 * guard's budget and dropped connections, and {@code security}: whether the ZAP handler
 * runs and how many handshakes it refused), {@code listeners} by id and {@code proxies}
 * by name, each with its status, type, configured and bound addresses. Nothing derived
 * from messages is included.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqHealthIndicator extends AbstractHealthIndicator {

	/**
	 * The status of a listener or proxy that is not expected to run.
	 */
	public static final String STOPPED = "STOPPED";

	private final ZContext context;

	private final @Nullable ZmqListenerEndpointRegistry listenerRegistry;

	private final @Nullable ZmqProxyRegistry proxyRegistry;

	private final @Nullable ZmqThreadFailures threadFailures;

	private @Nullable ZmqReceiveGuard receiveGuard;

	private @Nullable ZmqAuthenticator authenticator;

	/**
	 * Create an indicator that does not know about JeroMQ thread failures.
	 * @param context the shared context
	 * @param listenerRegistry the listener containers, {@code null} if there are none
	 * @param proxyRegistry the proxies, {@code null} if there are none
	 */
	public ZmqHealthIndicator(ZContext context, @Nullable ZmqListenerEndpointRegistry listenerRegistry,
			@Nullable ZmqProxyRegistry proxyRegistry) {
		this(context, listenerRegistry, proxyRegistry, null);
	}

	/**
	 * Create an indicator.
	 * @param context the shared context
	 * @param listenerRegistry the listener containers, {@code null} if there are none
	 * @param proxyRegistry the proxies, {@code null} if there are none
	 * @param threadFailures the failures of the context's JeroMQ threads, {@code null} if
	 * they are not recorded
	 */
	public ZmqHealthIndicator(ZContext context, @Nullable ZmqListenerEndpointRegistry listenerRegistry,
			@Nullable ZmqProxyRegistry proxyRegistry, @Nullable ZmqThreadFailures threadFailures) {
		super("ZeroMQ health check failed");
		this.context = context;
		this.listenerRegistry = listenerRegistry;
		this.proxyRegistry = proxyRegistry;
		this.threadFailures = threadFailures;
	}

	/**
	 * Report the receive guard's budget use and dropped connections as details; dropped
	 * connections are the defence working, so they do not change the status.
	 * @param receiveGuard the context's receive guard, {@code null} for none
	 */
	public void setReceiveGuard(@Nullable ZmqReceiveGuard receiveGuard) {
		this.receiveGuard = receiveGuard;
	}

	/**
	 * Report whether the ZAP handler runs and how many handshakes it refused as details;
	 * refused peers are the defence working, so they do not change the status.
	 * @param authenticator the context's authenticator, {@code null} for none
	 */
	public void setAuthenticator(@Nullable ZmqAuthenticator authenticator) {
		this.authenticator = authenticator;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean healthy = !this.context.isClosed();
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("open", !this.context.isClosed());
		context.put("ioThreads", this.context.getIoThreads());
		if (this.threadFailures != null && this.threadFailures.hasFailures()) {
			healthy = false;
			context.put("failedThreads",
					this.threadFailures.getFailures()
						.stream()
						.map((failure) -> Map.of("thread", failure.thread(), "error", failure.error()))
						.toList());
		}
		if (this.receiveGuard != null) {
			Map<String, Object> receive = new LinkedHashMap<>();
			receive.put("budgetBytes", this.receiveGuard.limits().receiveBudget());
			receive.put("bufferedBytes", this.receiveGuard.bufferedBytes());
			receive.put("droppedConnections", this.receiveGuard.droppedConnections());
			context.put("receive", receive);
		}
		if (this.authenticator != null) {
			Map<String, Object> security = new LinkedHashMap<>();
			security.put("zapHandlerRunning", this.authenticator.isRunning());
			security.put("refusedHandshakes", this.authenticator.refusedHandshakes());
			context.put("security", security);
		}
		builder.withDetail("context", context);
		if (this.listenerRegistry != null) {
			Map<String, Object> listeners = new LinkedHashMap<>();
			for (ZmqListenerContainer container : this.listenerRegistry.getListenerContainers()) {
				Status status = status(container);
				healthy &= !Status.DOWN.equals(status);
				listeners.put(container.getListenerId(), describe(container, status));
			}
			builder.withDetail("listeners", listeners);
		}
		if (this.proxyRegistry != null) {
			Map<String, Object> proxies = new LinkedHashMap<>();
			for (ZmqProxy proxy : this.proxyRegistry.getProxies()) {
				Status status = status(proxy);
				healthy &= !Status.DOWN.equals(status);
				proxies.put(proxy.getName(), describe(proxy, status));
			}
			builder.withDetail("proxies", proxies);
		}
		builder.status(healthy ? Status.UP : Status.DOWN);
	}

	private static Status status(ZmqListenerContainer container) {
		if (!container.isStartRequested()) {
			return new Status(STOPPED);
		}
		boolean bound = !binds(container.getEndpointAddresses()) || !container.getBoundAddresses().isEmpty();
		return (container.isServing() && bound) ? Status.UP : Status.DOWN;
	}

	private static boolean binds(String addresses) {
		return Arrays.stream(addresses.split(",")).anyMatch((address) -> address.trim().startsWith("@"));
	}

	private static Status status(ZmqProxy proxy) {
		if (!proxy.isStartRequested()) {
			return new Status(STOPPED);
		}
		return proxy.isRunning() ? Status.UP : Status.DOWN;
	}

	private static Map<String, Object> describe(ZmqListenerContainer container, Status status) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("status", status.getCode());
		details.put("type", container.getListener().getType().tagValue());
		details.put("endpoint", container.getListener().getEndpoint());
		details.put("addresses", container.getEndpointAddresses());
		details.put("boundAddresses", container.getBoundAddresses());
		details.put("running", container.isRunning());
		details.put("autoStartup", container.isAutoStartup());
		return details;
	}

	private static Map<String, Object> describe(ZmqProxy proxy, Status status) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("status", status.getCode());
		details.put("type", proxy.getType().tagValue());
		details.put("frontend", proxy.getFrontendAddresses());
		details.put("backend", proxy.getBackendAddresses());
		details.put("frontendBoundAddresses", proxy.getFrontendBoundAddresses());
		details.put("backendBoundAddresses", proxy.getBackendBoundAddresses());
		details.put("running", proxy.isRunning());
		details.put("autoStartup", proxy.isAutoStartup());
		return details;
	}

}
