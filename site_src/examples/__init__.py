"""The stories of the chapters: one module per story, with its settings and worked numbers.

A chapter's prose, its figures and clips (``scripts/``) and its tests all take a story's
numbers from here, so nothing is typed twice. Import the story you need, for example
``from site_src.examples.tiny_network import tiny_network``.

===========================  ==========================================================
module                       story (chapter)
===========================  ==========================================================
``perceptron``               the fruit robot learns to spot apples (The perceptron)
``linear_stack``             a 1-3-1 network with and without a switch (The activation function)
``students``                 the 3-4-1 pass/fail network (Feed-forward networks, The MLP)
``xor``                      XOR: a team of robots, and a trained 2-2-1 network (The MLP)
``tiny_network``             the 2-2-1 network: forward pass, backward pass, one update, and a
                             batch's desired nudges (Forward propagation, Backpropagation, The
                             gradient, The chain rule)
``universal``                steep sigmoids make steps, steps make bumps, bumps any curve
                             (The activation function)
``digits_features``          the digits network's first-layer weights as pictures (The MLP)
``descent``                  one dial rolling down (w - 3)²: gradient descent and learning rates
                             (The gradient of the loss)
``chain_rule``               machines inside machines, a number used twice, forward vs reverse
                             mode (The chain rule)
``vanishing``                a gradient fading through a chain of neurons and deep networks
                             (Vanishing gradients)
``activations``              the range and settings the activation pictures show (Sigmoid ... ELU)
``softmax``                  the scores 2, 1, 0.1 and the temperature (Softmax)
``melons``                   the robot guesses melon weights (Loss functions, MSE and MAE)
``cross_entropy``            scores become a loss; "90% yes" (The cross-entropies)
``slowdown``                 a badly wrong neuron learns slowly with MSE, fast with cross-entropy
                             (The cross-entropies)
``cnn_intro``                a picture is a grid of numbers; a window looks at it (What a CNN is)
``convolution``              a 3x3 kernel slides over a small picture (The convolution, Channels,
                             Padding)
===========================  ==========================================================
"""
