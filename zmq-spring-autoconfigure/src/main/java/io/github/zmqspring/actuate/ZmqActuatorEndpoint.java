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
import io.github.zmqspring.listener.AbstractZmqListenerContainer;
import io.github.zmqspring.listener.ZmqListenerContainer;
import io.github.zmqspring.listener.ZmqListenerCounters;
import io.github.zmqspring.proxy.ZmqProxy;
import io.github.zmqspring.proxy.ZmqProxyRegistry;

/**
 * Read-only actuator endpoint {@code zmq}: the shared context, every listener (addresses
 * configured and bound, state, concurrency, message counters), every proxy (addresses,
 * state, message counts) and the endpoints the {@link ZmqTemplate} has used. It reports
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

	/**
	 * Create an endpoint.
	 * @param context the shared context
	 * @param listenerRegistry the listener containers, {@code null} if there are none
	 * @param proxyRegistry the proxies, {@code null} if there are none
	 * @param template the template, {@code null} if there is none
	 */
	public ZmqActuatorEndpoint(ZContext context, @Nullable ZmqListenerEndpointRegistry listenerRegistry,
			@Nullable ZmqProxyRegistry proxyRegistry, @Nullable ZmqTemplate template) {
		this.context = context;
		this.listenerRegistry = listenerRegistry;
		this.proxyRegistry = proxyRegistry;
		this.template = template;
	}

	/**
	 * Describe the context, the listeners, the proxies and the template's endpoints.
	 * @return the description
	 */
	@ReadOperation
	public ZmqDescriptor zmq() {
		ContextDescriptor context = new ContextDescriptor(!this.context.isClosed(), this.context.getIoThreads(),
				this.context.getSockets().size());
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
		String type = null;
		String socketType = null;
		String endpoint = null;
		int concurrency = 1;
		if (container instanceof AbstractZmqListenerContainer abstractContainer) {
			ZmqListenerEndpoint listener = abstractContainer.getListener();
			type = listener.getType().tagValue();
			socketType = listener.getType().socketType().name();
			endpoint = listener.getEndpoint();
			concurrency = Math.max(1, listener.getConcurrency());
		}
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
	 */
	public record ContextDescriptor(boolean open, int ioThreads, int sockets) {

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
	public record ListenerDescriptor(@Nullable String type, @Nullable String socketType, @Nullable String endpoint,
			String addresses, List<String> boundAddresses, boolean running, boolean autoStartup, int concurrency,
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
