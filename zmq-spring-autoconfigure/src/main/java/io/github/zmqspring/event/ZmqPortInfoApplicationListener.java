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

package io.github.zmqspring.event;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * Makes the addresses and ports that listeners and proxies really bound available as
 * environment properties, as Spring Boot does with {@code local.server.port}: a wildcard
 * port ({@code tcp://*:*}) can then be read with
 * {@code @Value("${local.zmq.listener.<id>.port}")} in a test or with
 * {@code environment.getProperty(...)}. The properties live in a property source named
 * {@value #PROPERTY_SOURCE_NAME}, first in the environment (and in the parent context's
 * environment, if any), and are set synchronously when a listener or proxy starts:
 * <ul>
 * <li>{@code local.zmq.listener.<id>.port}: the port of the listener's first bound
 * {@code tcp} address</li>
 * <li>{@code local.zmq.listener.<id>.address}: the listener's first bound address</li>
 * <li>{@code local.zmq.proxy.<name>.frontend.port} and {@code .backend.port}: the port of
 * the first bound {@code tcp} address of each side</li>
 * <li>{@code local.zmq.proxy.<name>.frontend.address} and {@code .backend.address}: the
 * first bound address of each side</li>
 * </ul>
 * Nothing is removed when a listener or proxy stops; a restart overwrites the values with
 * the new ones.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqPortInfoApplicationListener implements SmartApplicationListener, ApplicationContextAware {

	/**
	 * The name of the property source that holds the bound ports and addresses.
	 */
	public static final String PROPERTY_SOURCE_NAME = "zmq.ports";

	private @Nullable ApplicationContext applicationContext;

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) throws BeansException {
		this.applicationContext = applicationContext;
	}

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return ZmqListenerStartedEvent.class.isAssignableFrom(eventType)
				|| ZmqProxyStartedEvent.class.isAssignableFrom(eventType);
	}

	@Override
	public int getOrder() {
		// before application listeners, which may read the properties
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		Map<String, Object> properties = new HashMap<>();
		if (event instanceof ZmqListenerStartedEvent started) {
			put(properties, "local.zmq.listener." + started.getListenerId() + ".", started.getBoundAddresses());
		}
		else if (event instanceof ZmqProxyStartedEvent started) {
			String prefix = "local.zmq.proxy." + started.getProxyName() + ".";
			put(properties, prefix + "frontend.", started.getFrontendBoundAddresses());
			put(properties, prefix + "backend.", started.getBackendBoundAddresses());
		}
		if (!properties.isEmpty()) {
			setProperties(this.applicationContext, properties);
		}
	}

	private static void put(Map<String, Object> properties, String prefix, List<String> boundAddresses) {
		if (boundAddresses.isEmpty()) {
			return;
		}
		properties.put(prefix + "address", boundAddresses.get(0));
		for (String address : boundAddresses) {
			Integer port = tcpPort(address);
			if (port != null) {
				properties.put(prefix + "port", port);
				return;
			}
		}
	}

	/**
	 * Return the port of a bound {@code tcp} address.
	 * @param address for example {@code tcp://127.0.0.1:54321} or
	 * {@code tcp://[::1]:5555}
	 * @return the port, {@code null} for other transports
	 */
	static @Nullable Integer tcpPort(String address) {
		if (!address.startsWith("tcp://")) {
			return null;
		}
		int colon = address.lastIndexOf(':');
		try {
			return Integer.valueOf(address.substring(colon + 1));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static void setProperties(@Nullable ApplicationContext context, Map<String, Object> properties) {
		if (context == null) {
			return;
		}
		Environment environment = context.getEnvironment();
		if (environment instanceof ConfigurableEnvironment configurable) {
			source(configurable.getPropertySources()).putAll(properties);
		}
		setProperties(context.getParent(), properties);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> source(MutablePropertySources sources) {
		synchronized (sources) {
			PropertySource<?> source = sources.get(PROPERTY_SOURCE_NAME);
			if (source == null) {
				source = new MapPropertySource(PROPERTY_SOURCE_NAME, new ConcurrentHashMap<>());
				sources.addFirst(source);
			}
			return (Map<String, Object>) source.getSource();
		}
	}

}
