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

package io.github.zmqspring.config;

/**
 * Names of the infrastructure beans behind annotation-driven listeners.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public final class ZmqListenerConfigUtils {

	/**
	 * The bean name of the annotation post-processor.
	 */
	public static final String ZMQ_LISTENER_ANNOTATION_PROCESSOR_BEAN_NAME = "io.github.zmqspring.config.internalZmqListenerAnnotationProcessor";

	/**
	 * The bean name of the listener registry.
	 */
	public static final String ZMQ_LISTENER_ENDPOINT_REGISTRY_BEAN_NAME = "io.github.zmqspring.config.internalZmqListenerEndpointRegistry";

	/**
	 * The bean name of the default container factory.
	 */
	public static final String ZMQ_LISTENER_CONTAINER_FACTORY_BEAN_NAME = "zmqListenerContainerFactory";

	private ZmqListenerConfigUtils() {
	}

}
