import numpy
import six

print(numpy.zeros(3), six.PY3)
