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

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.github.zmqspring.security.ZmqInvalidSecurityException;

/**
 * Explains security settings that are malformed, incomplete or would leave a server open,
 * naming the property and what to change, never its value.
 *
 * @author zmq-spring contributors
 */
class ZmqInvalidSecurityFailureAnalyzer extends AbstractFailureAnalyzer<ZmqInvalidSecurityException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ZmqInvalidSecurityException cause) {
		String description = "ZeroMQ security setting " + cause.getProperty() + " " + cause.getReason() + ".";
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

}
