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

package io.github.zmqspring.actuate;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.zeromq.ZContext;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import io.github.zmqspring.config.ZmqListenerEndpoint;
import io.github.zmqspring.config.ZmqListenerEndpointRegistry;
import io.github.zmqspring.core.ZmqTemplate;
import io.github.zmqspring.core.ZmqThreadFailures;
import io.github.zmqspring.listener.ZmqListenerContainer;
import io.github.zmqspring.listener.ZmqListenerCounters;
import io.github.zmqspring.proxy.ZmqProxy;
import io.github.zmqspring.proxy.ZmqProxyRegistry;

/**
 * Read-only actuator endpoint {@code zmq}: the shared context, every listener (addresses
 * configured and bound, state, concurrency, message counters), every proxy (addresses,
 * state, message counts) and the endpoints the {@link ZmqTemplate} has used. The context
 * lists the JeroMQ threads that died ({@link ZmqThreadFailures}). It reports
 * configuration and counters only, never anything taken from messages. Expose it with
 * {@code management.endpoints.web.exposure.include=zmq}.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
@Endpoint(id = "zmq")
public class ZmqActuatorEndpoint {

	private final ZContext context;

	private final @Nullable ZmqListenerEndpointRegistry listenerRegistry;

	private final @Nullable ZmqProxyRegistry proxyRegistry;

	private final @Nullable ZmqTemplate template;

	private final @Nullable ZmqThreadFailures threadFailures;

	/**
	 * Create an endpoint that does not know about JeroMQ thread failures.
	 * @param context the shared context
	 * @param listenerRegistry the listener containers, {@code null} if there are none
	 * @param proxyRegistry the proxies, {@code null} if there are none
	 * @param template the template, {@code null} if there is none
	 */
	public ZmqActuatorEndpoint(ZContext context, @Nullable ZmqListenerEndpointRegistry listenerRegistry,
			@Nullable ZmqProxyRegistry proxyRegistry, @Nullable ZmqTemplate template) {
		this(context, listenerRegistry, proxyRegistry, template, null);
	}

	/**
	 * Create an endpoint.
	 * @param context the shared context
	 * @param listenerRegistry the listener containers, {@code null} if there are none
	 * @param proxyRegistry the proxies, {@code null} if there are none
	 * @param template the template, {@code null} if there is none
	 * @param threadFailures the failures of the context's JeroMQ threads, {@code null} if
	 * they are not recorded
	 */
	public ZmqActuatorEndpoint(ZContext context, @Nullable ZmqListenerEndpointRegistry listenerRegistry,
			@Nullable ZmqProxyRegistry proxyRegistry, @Nullable ZmqTemplate template,
			@Nullable ZmqThreadFailures threadFailures) {
		this.context = context;
		this.listenerRegistry = listenerRegistry;
		this.proxyRegistry = proxyRegistry;
		this.template = template;
		this.threadFailures = threadFailures;
	}

	/**
	 * Describe the context, the listeners, the proxies and the template's endpoints.
	 * @return the description
	 */
	@ReadOperation
	public ZmqDescriptor zmq() {
		List<FailedThreadDescriptor> failedThreads = (this.threadFailures != null) ? this.threadFailures.getFailures()
			.stream()
			.map((failure) -> new FailedThreadDescriptor(failure.thread(), failure.error(), failure.time().toString()))
			.toList() : List.of();
		ContextDescriptor context = new ContextDescriptor(!this.context.isClosed(), this.context.getIoThreads(),
				this.context.getSockets().size(), failedThreads);
		Map<String, ListenerDescriptor> listeners = new LinkedHashMap<>();
		if (this.listenerRegistry != null) {
			for (ZmqListenerContainer container : this.listenerRegistry.getListenerContainers()) {
				listeners.put(container.getListenerId(), describe(container));
			}
		}
		Map<String, ProxyDescriptor> proxies = new LinkedHashMap<>();
		if (this.proxyRegistry != null) {
			for (ZmqProxy proxy : this.proxyRegistry.getProxies()) {
				proxies.put(proxy.getName(), describe(proxy));
			}
		}
		List<TemplateEndpointDescriptor> template = (this.template != null) ? this.template.getOpenEndpoints()
			.stream()
			.map((open) -> new TemplateEndpointDescriptor(open.endpoint(), open.socketType().name(), open.addresses()))
			.sorted(Comparator.comparing(TemplateEndpointDescriptor::endpoint)
				.thenComparing(TemplateEndpointDescriptor::socketType))
			.toList() : List.of();
		return new ZmqDescriptor(context, listeners, proxies, template);
	}

	private static ListenerDescriptor describe(ZmqListenerContainer container) {
		ZmqListenerEndpoint listener = container.getListener();
		String type = listener.getType().tagValue();
		String socketType = listener.getType().socketType().name();
		String endpoint = listener.getEndpoint();
		int concurrency = Math.max(1, listener.getConcurrency());
		ZmqListenerCounters counters = container.getCounters();
		Map<String, Long> rejected = new LinkedHashMap<>();
		for (ZmqListenerCounters.Rejection reason : ZmqListenerCounters.Rejection.values()) {
			rejected.put(reason.name().toLowerCase(Locale.ROOT), counters.rejected(reason));
		}
		return new ListenerDescriptor(type, socketType, endpoint, container.getEndpointAddresses(),
				container.getBoundAddresses(), container.isRunning(), container.isAutoStartup(), concurrency,
				new CountersDescriptor(counters.received(), counters.handled(), counters.failed(), counters.timedOut(),
						rejected));
	}

	private static ProxyDescriptor describe(ZmqProxy proxy) {
		return new ProxyDescriptor(proxy.getType().tagValue(), proxy.getFrontendAddresses(),
				proxy.getBackendAddresses(), proxy.getFrontendBoundAddresses(), proxy.getBackendBoundAddresses(),
				proxy.isRunning(), proxy.isAutoStartup(), proxy.getMessagesToBackend(), proxy.getMessagesToFrontend());
	}

	/**
	 * What the endpoint returns.
	 *
	 * @param context the shared context
	 * @param listeners the listeners by id
	 * @param proxies the proxies by name
	 * @param template the endpoints the template has used, sorted by endpoint
	 */
	public record ZmqDescriptor(ContextDescriptor context, Map<String, ListenerDescriptor> listeners,
			Map<String, ProxyDescriptor> proxies,
			List<TemplateEndpointDescriptor> template) implements OperationResponseBody {

	}

	/**
	 * The shared context.
	 *
	 * @param open whether it is open
	 * @param ioThreads its number of I/O threads
	 * @param sockets how many sockets are open in it
	 * @param failedThreads the JeroMQ threads that died, empty while all run
	 */
	public record ContextDescriptor(boolean open, int ioThreads, int sockets,
			List<FailedThreadDescriptor> failedThreads) {

	}

	/**
	 * A JeroMQ thread of the context that died.
	 *
	 * @param thread its name, for example {@code iothread-2}
	 * @param error the class of what ended it
	 * @param time when it ended (ISO-8601)
	 */
	public record FailedThreadDescriptor(String thread, String error, String time) {

	}

	/**
	 * A listener.
	 *
	 * @param type {@code replier}, {@code subscriber} or {@code puller}
	 * @param socketType the socket type peers see ({@code REP}, {@code SUB} or
	 * {@code PULL})
	 * @param endpoint the endpoint as declared (a name under {@code zmq.endpoints} or
	 * addresses)
	 * @param addresses the resolved addresses in CZMQ notation
	 * @param boundAddresses the addresses bound while running, wildcard ports resolved
	 * @param running whether it runs
	 * @param autoStartup whether it starts with the application
	 * @param concurrency how many messages it handles at once
	 * @param counters what it received and what became of it
	 */
	public record ListenerDescriptor(String type, String socketType, String endpoint, String addresses,
			List<String> boundAddresses, boolean running, boolean autoStartup, int concurrency,
			CountersDescriptor counters) {

	}

	/**
	 * A listener's counters (see {@link ZmqListenerCounters}).
	 *
	 * @param received messages taken from the socket
	 * @param handled messages the method handled
	 * @param failed messages the method failed to handle
	 * @param timedOut requests answered with {@code 504 Gateway Timeout}
	 * @param rejected messages rejected before the method, by reason
	 */
	public record CountersDescriptor(long received, long handled, long failed, long timedOut,
			Map<String, Long> rejected) {

	}

	/**
	 * A proxy.
	 *
	 * @param type {@code queue}, {@code forwarder} or {@code streamer}
	 * @param frontend the front end's addresses in CZMQ notation
	 * @param backend the back end's addresses in CZMQ notation
	 * @param frontendBoundAddresses what the front end bound while running
	 * @param backendBoundAddresses what the back end bound while running
	 * @param running whether its thread runs
	 * @param autoStartup whether it starts with the application
	 * @param messagesToBackend messages forwarded from the front end to the back end
	 * @param messagesToFrontend messages forwarded from the back end to the front end
	 */
	public record ProxyDescriptor(String type, String frontend, String backend, List<String> frontendBoundAddresses,
			List<String> backendBoundAddresses, boolean running, boolean autoStartup, long messagesToBackend,
			long messagesToFrontend) {

	}

	/**
	 * An endpoint the template has used.
	 *
	 * @param endpoint the endpoint as passed to the template
	 * @param socketType {@code DEALER} (requests), {@code PUB} or {@code PUSH}
	 * @param addresses the resolved addresses in CZMQ notation
	 */
	public record TemplateEndpointDescriptor(String endpoint, String socketType, String addresses) {

	}

}
