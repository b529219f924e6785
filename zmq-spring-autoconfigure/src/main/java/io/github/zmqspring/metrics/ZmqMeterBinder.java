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

package io.github.zmqspring.metrics;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import io.github.zmqspring.config.ZmqListenerEndpointRegistry;
import io.github.zmqspring.core.ZmqTemplate;
import io.github.zmqspring.core.ZmqTemplateCounters;
import io.github.zmqspring.listener.ZmqListenerContainer;
import io.github.zmqspring.listener.ZmqListenerCounters;
import io.github.zmqspring.proxy.ZmqProxy;
import io.github.zmqspring.proxy.ZmqProxyRegistry;

/**
 * Registers {@link FunctionCounter}s that read the counters the listeners, the template
 * and the proxies keep anyway ({@link ZmqListenerCounters}, {@link ZmqTemplateCounters},
 * {@link ZmqProxy#getMessagesToBackend()}): nothing is looked up or allocated on the
 * message path, the values are read when the registry is scraped.
 * <p>
 * Binding covers the listener containers registered at that time, every proxy, and every
 * template endpoint, including those first used later. Binding again (after more
 * listeners were registered) is harmless: meters already registered are kept.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqMeterBinder implements MeterBinder {

	private final @Nullable ZmqListenerEndpointRegistry listeners;

	private final @Nullable ZmqTemplate template;

	private final @Nullable ZmqProxyRegistry proxies;

	/** The registries the template's endpoints are bound to. */
	private final Set<MeterRegistry> templateBound = Collections.newSetFromMap(new IdentityHashMap<>());

	/**
	 * Create a binder.
	 * @param listeners the listener registry, {@code null} for none
	 * @param template the template, {@code null} for none
	 * @param proxies the proxy registry, {@code null} for none
	 */
	public ZmqMeterBinder(@Nullable ZmqListenerEndpointRegistry listeners, @Nullable ZmqTemplate template,
			@Nullable ZmqProxyRegistry proxies) {
		this.listeners = listeners;
		this.template = template;
		this.proxies = proxies;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		if (this.listeners != null) {
			for (ZmqListenerContainer container : this.listeners.getListenerContainers()) {
				bindListener(registry, container);
			}
		}
		if (this.template != null && addTemplateRegistry(registry)) {
			this.template.addEndpointCountersListener((counters) -> bindTemplateEndpoint(registry, counters));
		}
		if (this.proxies != null) {
			for (ZmqProxy proxy : this.proxies.getProxies()) {
				bindProxy(registry, proxy);
			}
		}
	}

	private boolean addTemplateRegistry(MeterRegistry registry) {
		synchronized (this.templateBound) {
			return this.templateBound.add(registry);
		}
	}

	/**
	 * Register the meters of one listener container.
	 * @param registry the registry
	 * @param container the container
	 */
	public static void bindListener(MeterRegistry registry, ZmqListenerContainer container) {
		Tags tags = Tags.of("listener.id", container.getListenerId(), "listener.type",
				container.getListener().getType().tagValue(), "endpoint", container.getEndpointName());
		ZmqListenerCounters counters = container.getCounters();
		counter(registry, "zmq.listener.messages.received", "Messages the listener received", null, tags, counters,
				ZmqListenerCounters::received);
		counter(registry, "zmq.listener.bytes.received", "Bytes of the messages the listener received", BaseUnits.BYTES,
				tags, counters, ZmqListenerCounters::bytesReceived);
		counter(registry, "zmq.listener.messages.sent", "Replies and @SendTo results the listener sent", null, tags,
				counters, ZmqListenerCounters::sent);
		counter(registry, "zmq.listener.bytes.sent", "Bytes of the replies and @SendTo results the listener sent",
				BaseUnits.BYTES, tags, counters, ZmqListenerCounters::bytesSent);
		counter(registry, "zmq.listener.messages.handled", "Messages the listener's method handled", null, tags,
				counters, ZmqListenerCounters::handled);
		counter(registry, "zmq.listener.messages.failed", "Messages the listener's method failed to handle", null, tags,
				counters, ZmqListenerCounters::failed);
		counter(registry, "zmq.listener.handler.timeouts",
				"Requests answered with 504 because the handler took too long", null, tags, counters,
				ZmqListenerCounters::timedOut);
		for (ZmqListenerCounters.Rejection reason : ZmqListenerCounters.Rejection.values()) {
			counter(registry, "zmq.listener.messages.rejected",
					"Messages rejected before reaching the listener's method", null,
					tags.and("reason", reason.name().toLowerCase(Locale.ROOT)), counters,
					(live) -> live.rejected(reason));
		}
	}

	/**
	 * Register the meters of one template endpoint and operation.
	 * @param registry the registry
	 * @param counters the endpoint's counters
	 */
	public static void bindTemplateEndpoint(MeterRegistry registry, ZmqTemplateCounters counters) {
		Tags tags = Tags.of("endpoint", counters.getEndpoint(), "operation", counters.getOperation());
		counter(registry, "zmq.template.messages.sent", "Messages the template handed to a socket", null, tags,
				counters, ZmqTemplateCounters::sent);
		counter(registry, "zmq.template.bytes.sent", "Bytes of the messages the template handed to a socket",
				BaseUnits.BYTES, tags, counters, ZmqTemplateCounters::bytesSent);
		if ("request".equals(counters.getOperation())) {
			counter(registry, "zmq.template.replies.received", "Replies that completed a request", null, tags, counters,
					ZmqTemplateCounters::repliesReceived);
			counter(registry, "zmq.template.bytes.received", "Bytes of the replies that completed a request",
					BaseUnits.BYTES, tags, counters, ZmqTemplateCounters::bytesReceived);
			counter(registry, "zmq.template.retries", "Request attempts sent again after a timeout", null, tags,
					counters, ZmqTemplateCounters::retries);
			counter(registry, "zmq.template.timeouts", "Requests that got no reply in time", null, tags, counters,
					ZmqTemplateCounters::timeouts);
		}
	}

	/**
	 * Register the meters of one proxy.
	 * @param registry the registry
	 * @param proxy the proxy
	 */
	public static void bindProxy(MeterRegistry registry, ZmqProxy proxy) {
		Tags tags = Tags.of("proxy", proxy.getName());
		counter(registry, "zmq.proxy.messages", "Messages the proxy forwarded", null,
				tags.and("direction", "to_backend"), proxy, ZmqProxy::getMessagesToBackend);
		counter(registry, "zmq.proxy.messages", "Messages the proxy forwarded", null,
				tags.and("direction", "to_frontend"), proxy, ZmqProxy::getMessagesToFrontend);
	}

	private static <T> void counter(MeterRegistry registry, String name, String description, @Nullable String baseUnit,
			Tags tags, T source, ToLongFunction<T> value) {
		FunctionCounter.Builder<T> builder = FunctionCounter.builder(name, source, (live) -> value.applyAsLong(live))
			.description(description)
			.tags(tags);
		if (baseUnit != null) {
			builder.baseUnit(baseUnit);
		}
		builder.register(registry);
	}

}
